using Tidemark.State;

namespace Tidemark.Automation;

/// <summary>The state store failed after the run changed GitHub: says what was done and that it is not (all) recorded; always exit 1.</summary>
internal sealed class RunNotRecordedException(IReadOnlyList<string> done, StateStoreException inner)
    : Exception($"the run {string.Join("; ", done)}, but the state database {inner.Path} failed before the run was fully recorded (its end, the pull request's record or the token's use may be missing); the next run after a repair rebuilds the pull-request state from the repository and GitHub", inner);
