using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Vorlagen.Api.Infrastructure;

/// <summary>The one place where exceptions become RFC 9457 ProblemDetails. Unknown errors leak nothing.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiPaths.IsApi(context)) return false; // pages re-execute the German error page instead
        var problem = (InfrastructureErrors.Translate(exception) ?? exception) switch
        {
            AppException app => FromApp(app),
            ValidationException validation => FromValidation(validation),
            BadHttpRequestException bad => FromBadRequest(bad),
            JsonException json => Malformed(json),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = 500, Title = "Interner Fehler", Type = "about:blank",
                Detail = "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut oder wenden Sie sich an den Betrieb.",
                Extensions = { ["code"] = "internal_error" },
            };
        }
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = null });
    }

    private static ProblemDetails FromApp(AppException app)
    {
        var problem = new ProblemDetails { Status = app.Status, Title = app.Title, Detail = app.Message, Type = $"urn:vorlagen:problem:{app.Code}" };
        problem.Extensions["code"] = app.Code;
        foreach (var (key, value) in app.Extensions) problem.Extensions[key] = value;
        return problem;
    }

    private static ProblemDetails FromValidation(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => string.Join('.', e.PropertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = 400, Title = "Die Eingaben sind unvollständig oder ungültig.", Type = "urn:vorlagen:problem:validation",
            Detail = string.Join(" ", errors.Values.SelectMany(v => v).Distinct()),
            Extensions = { ["code"] = "validation" },
        };
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        if (FindJsonException(bad) is { } json) return Malformed(json);
        var tooLarge = bad.StatusCode == StatusCodes.Status413PayloadTooLarge;
        return new ProblemDetails
        {
            Status = bad.StatusCode, Type = $"urn:vorlagen:problem:{(tooLarge ? "too_large" : "bad_request")}",
            Title = tooLarge ? "Anfrage zu groß" : "Ungültige Anfrage",
            Detail = tooLarge
                ? "Die Anfrage ist zu groß. Bitte kürzen Sie die Texte oder teilen Sie die Vorlage auf."
                : ParameterName(bad) is { } name
                    ? $"Der Parameter '{name}' hat einen ungültigen Wert."
                    : "Die Anfrage konnte nicht gelesen werden. Bitte prüfen Sie Parameter und Inhalt.",
            Extensions = { ["code"] = tooLarge ? "too_large" : "bad_request" },
        };
    }

    private static ProblemDetails Malformed(JsonException json)
    {
        var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" (Feld {json.Path})";
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [string.IsNullOrEmpty(json.Path) ? "$" : json.Path] = ["Ungültiges JSON oder ein Wert vom falschen Typ."],
        })
        {
            Status = 400, Type = "urn:vorlagen:problem:malformed_json", Title = "Ungültiger Anfrageinhalt",
            Detail = $"Der Anfrageinhalt ist kein gültiges JSON oder enthält einen Wert vom falschen Typ{where}.",
            Extensions = { ["code"] = "malformed_json" },
        };
    }

    // ASP.NET Core names the parameter in its message: Failed to bind parameter "int page" from "abc".
    private static string? ParameterName(BadHttpRequestException bad) =>
        System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"[^\" ]+ (?<name>[A-Za-z0-9_]+)\"") is { Success: true } m
            ? m.Groups["name"].Value : null;

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
            if (e is JsonException json) return json;
        return null;
    }
}
