namespace Tidemark.Versions;

/// <summary>
/// How the next tag of an image is chosen. A closed set: <see cref="NonBreakingPolicy"/> (the default),
/// <see cref="PatchPolicy"/>, <see cref="MinorPolicy"/>, <see cref="MajorPolicy"/>, <see cref="SemverRangePolicy"/>,
/// <see cref="AlphabeticalPolicy"/> and <see cref="NumericalPolicy"/>; built from text by <see cref="PolicyParser"/>
/// and applied by <see cref="TagSelector"/>.
/// </summary>
internal abstract record VersionPolicy
{
    /// <summary>The command-line text of the policy, e.g. <c>semver:^1.2</c>, <c>alphabetical:desc</c>, <c>non-breaking</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Relative policies compare against the tag currently in use and keep its shape.</summary>
    public bool IsRelative => this is NonBreakingPolicy or PatchPolicy or MinorPolicy or MajorPolicy;

    public sealed override string ToString() => Name;
}
