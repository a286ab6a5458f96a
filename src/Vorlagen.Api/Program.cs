using Vorlagen.Api.Features.Auth;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Health;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

var builder = WebApplication.CreateBuilder(args);
builder.AddVorlagen();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodySizeLimit();
app.UseRateLimiter();
app.UseAuthentication();
app.RejectInvalidTokens();
app.UseAuthorization();

app.MapHealth();
app.MapOpenApi();
app.MapAuth();
app.MapBodies();
app.MapOrganizations();
app.MapTallies();
app.MapPapers();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
