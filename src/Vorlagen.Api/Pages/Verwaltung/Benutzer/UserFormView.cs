using Vorlagen.Api.Features.Organizations;

namespace Vorlagen.Api.Pages.Verwaltung.Benutzer;

/// <summary>What the user form partial needs besides the form itself.</summary>
public sealed record UserFormView(UserForm Form, bool Creating, long? BodyId, IReadOnlyList<OrganizationDto> Organizations);
