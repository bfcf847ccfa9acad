using Tidemark.Configuration;

namespace Tidemark.Cli.Commands;

/// <summary>Where <c>tidemark run</c> reads its current and (during a rotation) next token, and the rotation overlap.</summary>
internal sealed record RunTokenSources(TokenSourceConfig Current, TokenSourceConfig? Next, TimeSpan Overlap);
