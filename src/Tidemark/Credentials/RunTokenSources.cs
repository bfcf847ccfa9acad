using Tidemark.Configuration;

namespace Tidemark.Credentials;

/// <summary>Where a run reads its current and (during a rotation) next token, and the rotation overlap.</summary>
internal sealed record RunTokenSources(TokenSourceConfig Current, TokenSourceConfig? Next, TimeSpan Overlap);
