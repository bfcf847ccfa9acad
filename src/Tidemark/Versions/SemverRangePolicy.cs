namespace Tidemark.Versions;

/// <summary><c>semver:RANGE</c>: the highest SemVer tag satisfying a Flux (Masterminds v3) range, e.g. <c>semver:^1.2</c>.</summary>
internal sealed record SemverRangePolicy(SemverRange Range) : VersionPolicy
{
    public override string Name => "semver:" + Range.Text;
}
