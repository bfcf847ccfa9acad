namespace Tidemark.Forges;

internal enum EnsureAction
{
    /// <summary>A new pull request was opened.</summary>
    Created,

    /// <summary>The open pull request was edited (see <see cref="EnsureOutcome.Changed"/>).</summary>
    Updated,

    /// <summary>The open pull request already said everything; nothing was written.</summary>
    Unchanged,

    /// <summary>The update branch has no commits the base lacks, so there is nothing to propose.</summary>
    NothingToPropose,
}
