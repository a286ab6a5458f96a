namespace Vorlagen.Workflows.Activities;

/// <summary>
/// A problem an activity type found in its inputs. <see cref="RelativePath"/> is appended to the
/// activity's JSON path, e.g. <c>"allowedRoles.release"</c> → <c>$.root.activities[2].allowedRoles.release</c>.
/// </summary>
public sealed record InputProblem(string RelativePath, string Message);
