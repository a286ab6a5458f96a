using Microsoft.AspNetCore.DataProtection;
using System.Text.Json.Serialization;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Files;
using Vorlagen.Api.Features.Health;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Seed;

namespace Vorlagen.Api.Infrastructure;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddVorlagen(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var database = new DatabaseOptions
        {
            Provider = (configuration["Vorlagen:Database:Provider"] ?? DatabaseOptions.Sqlite).Trim().ToLowerInvariant(),
            ConnectionString = configuration.GetConnectionString("Vorlagen") ?? new DatabaseOptions().ConnectionString,
        };

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        var services = builder.Services;
        services.AddSingleton(database);
        // Several nodes must share the key ring that protects UI cookies and antiforgery tokens (README, several nodes).
        if (configuration["Vorlagen:DataProtection:KeysFolder"] is { Length: > 0 } keys)
            services.AddDataProtection().SetApplicationName("Vorlagen").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ContentPaths.Default);
        services.AddSingleton<ConnectionFactory>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddScoped<DbSession>();
        services.AddScoped<IdempotencyScope>();
        services.AddScoped<PagePostIdempotency>();
        services.AddSingleton<TestCrashPoints>();
        services.AddSingleton<RuleProfiles>();
        services.AddSingleton<PaperTypes.PaperTypeCatalog>();
        services.AddScoped<Vorlagen.Api.Features.Tallies.TallyRules>();
        services.AddJournalProtection(configuration, database);
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<NativeMemoryTrimmer>();
        services.AddVorlagenMediator(typeof(ServiceRegistration).Assembly);
        services.AddVorlagenAuth(configuration);
        services.AddVorlagenWorkflows();
        services.AddJournalCheckpoints();
        services.AddScoped<Vorlagen.Api.Features.Papers.PaperJournalAudit>();
        services.AddScoped<Vorlagen.Api.Features.Papers.VerifyAllJournals.JournalVerificationService>();
        services.AddScoped<Vorlagen.Api.Features.Papers.PaperWorkflow>();
        services.AddScoped<Vorlagen.Api.Features.People.PeopleReader>();
        services.AddScoped<Vorlagen.Api.Features.Meetings.SessionReader>();
        services.AddScoped<Vorlagen.Api.Features.Meetings.AgendaDeadlines>();
        services.AddSingleton<Vorlagen.Api.Features.Meetings.MeetingRules>();
        services.AddSingleton<Vorlagen.Api.Features.Meetings.MinutesRules>();
        services.AddSingleton(Vorlagen.Api.Features.Meetings.MailOptions.Read(configuration));
        services.AddSingleton<Vorlagen.Api.Features.Meetings.InvitationMailer>();
        services.AddScoped<Vorlagen.Api.Features.Papers.PaperReader>();
        services.AddScoped<Vorlagen.Api.Data.PublicTombstones>();
        services.AddScoped<Vorlagen.Api.Features.Papers.PaperReferences>();
        services.AddScoped<Vorlagen.Api.Features.Papers.PaperRules>();
        services.AddScoped<Vorlagen.Api.Features.Papers.Beratungsfolge>();
        services.AddScoped<Vorlagen.Api.Features.Papers.ReferenceNumbers>();
        services.AddVorlagenFiles(configuration, database);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusTitles.Apply);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToFolder("/Vorlagen");
            o.Conventions.AllowAnonymousToFolder("/Personen");
            o.Conventions.AllowAnonymousToFolder("/Gremien");
            o.Conventions.AllowAnonymousToPage("/Sitzungen/Index");
            o.Conventions.AllowAnonymousToPage("/Sitzungen/Details");
            o.Conventions.AllowAnonymousToPage("/Sitzungen/Mappe");
            o.Conventions.AllowAnonymousToPage("/Sitzungen/Niederschrift");
            o.Conventions.AllowAnonymousToPage("/Beschluesse/Index");
            o.Conventions.AllowAnonymousToPage("/Anmelden");
            o.Conventions.AllowAnonymousToPage("/Fehler");
        })
            // Validation runs on the server (same rules as the API); no unused English data-val attributes.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        return builder;
    }
}
