namespace Tidemark.Automation;

/// <summary>What a run did to the pull request.</summary>
internal enum PublishAction
{
    /// <summary>No change to propose and no open pull request: nothing to do.</summary>
    Nothing,

    /// <summary>A pull request was opened.</summary>
    Created,

    /// <summary>The open pull request was edited (title, body, labels, reviewers).</summary>
    Updated,

    /// <summary>The open pull request already said everything.</summary>
    Unchanged,

    /// <summary>The open pull request was stale (the base has the updates) and was closed, its branch deleted.</summary>
    Closed,

    /// <summary>The update branch has a commit Tidemark did not make; nothing was pushed until a person acts.</summary>
    Paused,

    /// <summary>A person closed a pull request with exactly these targets without merging; it is not proposed again.</summary>
    Declined,
}
