using Vorlagen.Api.Features.Organizations;

namespace Vorlagen.Api.Pages.Verwaltung.Benutzer;

/// <summary>What the user form partial needs besides the form itself; <paramref name="Account"/> only when editing (for the derived rights).</summary>
public sealed record UserFormView(UserForm Form, bool Creating, long? BodyId, IReadOnlyList<OrganizationDto> Organizations,
    Features.Users.UserDto? Account = null);
