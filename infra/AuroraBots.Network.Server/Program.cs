using AuroraBots.Network;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuroraNetwork(builder.Configuration.GetSection("AuroraAI:Network"));

var app = builder.Build();
app.MapAuroraNetwork();
app.Run();
