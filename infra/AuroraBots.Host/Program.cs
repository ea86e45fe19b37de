using AuroraBots.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddAuroraHost();

var app = builder.Build();
app.UseAuroraHost();
app.Run();
