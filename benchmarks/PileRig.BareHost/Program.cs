// A bare ASP.NET Core app answering /health: what starting any web app on this machine costs (scripts/bench compares the host with it).
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/health", () => "Healthy");
app.Run();
