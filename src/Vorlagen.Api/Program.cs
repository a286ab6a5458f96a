using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Health;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddVorlagen();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodySizeLimit();

app.MapHealth();
app.MapOpenApi();
app.MapBodies();
app.MapOrganizations();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
