using Microsoft.AspNetCore.Http;

namespace Tidemark.Testing.GitHub;

/// <summary>The outcome of <see cref="Rest.Authorize"/>: the repository and token, or the refusal to send.</summary>
internal sealed record RepositoryAccess(SimRepository? Repository, SimToken? Token, IResult? Error);
