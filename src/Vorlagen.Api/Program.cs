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
// The API answers with ProblemDetails; the pages with a German error page.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health")
        || http.Request.Path.StartsWithSegments("/openapi"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/health")
        && !http.Request.Path.StartsWithSegments("/openapi"), pages =>
{
    pages.UseExceptionHandler("/Fehler");
    pages.UseStatusCodePagesWithReExecute("/Fehler", "?code={0}");
});
app.UseStaticFiles();
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
app.MapUsers().MapTasks();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
