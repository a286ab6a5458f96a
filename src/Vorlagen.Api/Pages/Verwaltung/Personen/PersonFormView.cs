using Vorlagen.Api.Features.Users;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

/// <summary>What the person form partial needs: the form and the body's accounts to link.</summary>
public sealed record PersonFormView(PersonForm Form, IReadOnlyList<UserDto> Users);
