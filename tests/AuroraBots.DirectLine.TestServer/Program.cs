using AuroraBots.DirectLine.TestServer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// Prints "LISTENING <url>" once Kestrel is bound, so test drivers can pick the port up from stdout.
var app = TestServerApp.Build(args);
await app.StartAsync();
var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"LISTENING {url}");
await app.WaitForShutdownAsync();
