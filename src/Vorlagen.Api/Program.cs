using Vorlagen.Api.Features.Auth;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Decisions;
using Vorlagen.Api.Features.Files;
using Vorlagen.Api.Features.Health;
using Vorlagen.Api.Features.Meetings;
using Vorlagen.Api.Features.OParl;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Features.PaperTypes;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Features.Tasks;
using Vorlagen.Api.Features.Users;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;

var builder = WebApplication.CreateBuilder(args);
builder.AddVorlagen();
builder.Services.AddReverseProxy(builder.Configuration);

var app = builder.Build();
if (JournalCommandLine.IsCommand(args))
{
    Environment.ExitCode = await JournalCommandLine.RunAsync(app.Services, args, Console.Out);
    return;
}
// First, so scheme and client address are the real ones for everything after (cookies, HSTS, rate limits).
app.UseReverseProxy();
app.UseRequestLogging();
app.UseSecurityHeaders();
// Pages get the German error page (outermost); the API branch answers first with ProblemDetails.
// (Re-execution only works on the main pipeline: a UseWhen branch has no router.)
app.UseExceptionHandler("/Fehler");
app.UseStatusCodePagesWithReExecute("/Fehler", "?code={0}");
app.UseWhen(ApiPaths.IsApi, api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseOParlTransport();
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
app.MapPeople();
app.MapMeetings();
app.MapMinutes();
app.MapDecisions();
app.MapTallies();
app.MapPapers();
app.MapFiles();
app.MapPaperTypes();
app.MapUsers().MapTasks();
app.MapOParl();
app.MapJournal();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
