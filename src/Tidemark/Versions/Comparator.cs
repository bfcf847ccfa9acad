namespace Tidemark.Versions;

/// <summary>
/// One comparison of a range, e.g. <c>&gt;=1.2</c>. The semantics mirror Masterminds semver v3 (what Flux uses),
/// including how partial and wildcard versions widen each operator:
/// https://github.com/Masterminds/semver#checking-version-constraints. Pre-release gating is done by the group.
/// </summary>
internal readonly record struct Comparator(ComparatorOperator Operator, SemanticVersion Version, Wildcard Wildcard)
{
    private bool Dirty => Wildcard != Wildcard.None;

    public bool IsSatisfiedBy(SemanticVersion v) => Operator switch
    {
        ComparatorOperator.Equal => Dirty ? Tilde(v) : v.CompareTo(Version) == 0,
        ComparatorOperator.NotEqual => NotEqual(v),
        ComparatorOperator.Greater => Greater(v),
        ComparatorOperator.Less => v.CompareTo(Version) < 0,
        ComparatorOperator.GreaterOrEqual => v.CompareTo(Version) >= 0,
        ComparatorOperator.LessOrEqual => LessOrEqual(v),
        ComparatorOperator.Tilde => Tilde(v),
        ComparatorOperator.Caret => Caret(v),
        _ => false,
    };

    private bool NotEqual(SemanticVersion v)
    {
        if (!Dirty)
        {
            return v.CompareTo(Version) != 0;
        }

        if (Wildcard == Wildcard.Major)
        {
            return false;
        }

        if (v.Major != Version.Major)
        {
            return true;
        }

        return Wildcard == Wildcard.Patch && v.Minor != Version.Minor;
    }

    private bool Greater(SemanticVersion v)
    {
        if (Wildcard is Wildcard.None or Wildcard.Major)
        {
            return v.CompareTo(Version) > 0;
        }

        if (v.Major != Version.Major)
        {
            return v.Major > Version.Major;
        }

        // >1 needs 2.0.0 or higher; >1.2 needs 1.3.0 or higher
        return Wildcard == Wildcard.Patch && v.Minor > Version.Minor;
    }

    private bool LessOrEqual(SemanticVersion v) => Wildcard switch
    {
        Wildcard.None => v.CompareTo(Version) <= 0,
        Wildcard.Major => true,
        Wildcard.Minor => v.Major <= Version.Major,
        _ => v.Major < Version.Major || (v.Major == Version.Major && v.Minor <= Version.Minor),
    };

    // ~1.2.3 is >=1.2.3 <1.3.0, ~1 is >=1.0.0 <2.0.0; ~* and ~0.0.0 are anything (as in Masterminds)
    private bool Tilde(SemanticVersion v)
    {
        var zero = Version is { Major: 0, Minor: 0, Patch: 0 };
        if (Wildcard == Wildcard.Major || (Wildcard == Wildcard.None && zero))
        {
            return v.CompareTo(Version) >= 0;
        }

        if (v.CompareTo(Version) < 0 || v.Major != Version.Major)
        {
            return false;
        }

        return Wildcard == Wildcard.Minor || v.Minor == Version.Minor;
    }

    // ^1.2.3 is >=1.2.3 <2.0.0, ^0.2.3 is >=0.2.3 <0.3.0, ^0.0.3 is >=0.0.3 <0.0.4, ^0 is <1.0.0, ^0.0 is <0.1.0
    private bool Caret(SemanticVersion v)
    {
        if (Wildcard == Wildcard.Major)
        {
            return true;
        }

        if (v.CompareTo(Version) < 0 || v.Major != Version.Major)
        {
            return false;
        }

        if (Version.Major > 0 || Wildcard == Wildcard.Minor)
        {
            return true;
        }

        if (v.Minor != Version.Minor)
        {
            return false;
        }

        return Version.Minor > 0 || Wildcard == Wildcard.Patch || v.Patch == Version.Patch;
    }
}
