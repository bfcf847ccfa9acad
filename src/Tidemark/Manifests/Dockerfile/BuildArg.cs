namespace Tidemark.Manifests.Dockerfile;

/// <summary>A global <c>ARG NAME=default</c> (declared before the first FROM), with the default's exact span.</summary>
internal sealed record BuildArg(string Name, string Default, TextSpan Span, TextStyle Style);
