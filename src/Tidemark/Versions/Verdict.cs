namespace Tidemark.Versions;

/// <summary>What became of one tag during a selection.</summary>
internal enum Verdict
{
    /// <summary>The chosen tag.</summary>
    Selected,

    /// <summary>The tag filter pattern does not match it.</summary>
    FilteredOut,

    /// <summary>It does not parse as the policy reads tags (a version, or a number for numerical).</summary>
    NotAVersion,

    /// <summary>A relative policy: it is not newer than the current tag.</summary>
    NotNewer,

    /// <summary>Newer, or parsable, but outside what the policy allows (another major, outside the range).</summary>
    OutsidePolicy,

    /// <summary>A pre-release, and the range names none.</summary>
    PreRelease,

    /// <summary>A relative policy: its prefix, number of parts or suffix differ from the current tag's.</summary>
    DifferentShape,

    /// <summary>Eligible, but lower than (or tied with and losing the tie-break to) the selected tag.</summary>
    Lower,
}
