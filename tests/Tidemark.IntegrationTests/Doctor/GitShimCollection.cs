namespace Tidemark.IntegrationTests.Doctor;

/// <summary>Tests that put a git shim first on the process's PATH; they run alone so no other test's PATH view changes underneath.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GitShimCollection
{
    public const string Name = "git shim on PATH";
}
