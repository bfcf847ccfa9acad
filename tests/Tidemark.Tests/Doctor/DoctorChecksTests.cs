using System.Reflection;
using Tidemark.Doctor;

namespace Tidemark.Tests.Doctor;

/// <summary>The contract every registered doctor check keeps (STYLE §11): named, ordered, registered once, one file each.</summary>
public sealed class DoctorChecksTests
{
    [Fact]
    public void All_NamesAreTheDeclaredNamesInOrderAndUnique()
    {
        var declared = typeof(CheckNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        var names = DoctorChecks.All.Select(c => c.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Contains(n, declared));
        Assert.Equal(names, declared.Where(names.Contains).ToList());
    }

    [Fact]
    public void All_RequiresOnlyChecksThatRunEarlier()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in DoctorChecks.All)
        {
            Assert.All(check.Requires, r => Assert.True(seen.Contains(r), $"{check.Name} requires {r}, which does not run before it"));
            seen.Add(check.Name);
        }
    }

    [Fact]
    public void TokenCheck_IsTheTokenSubsetInTheSameOrder()
    {
        Assert.Equal(DoctorChecks.All.Where(c => c.InTokenCheck).Select(c => c.Name), DoctorChecks.TokenCheck.Select(c => c.Name));
        Assert.Contains(CheckNames.PullRequests, DoctorChecks.TokenCheck.Select(c => c.Name));
        // token check proves push the way doctor does, on the update branch the repository's configuration names
        Assert.Contains(CheckNames.Checkout, DoctorChecks.TokenCheck.Select(c => c.Name));
        Assert.Contains(CheckNames.PushPermission, DoctorChecks.TokenCheck.Select(c => c.Name));
    }

    [Fact]
    public void ChecksFolder_HoldsExactlyTheRegisteredChecks()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Tidemark", "Doctor", "Checks");
        var files = Directory.GetFiles(folder, "*Check.cs").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        var registered = DoctorChecks.All.Select(c => c.GetType().Name).Order(StringComparer.Ordinal);

        Assert.Equal(registered, files);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tidemark.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Tidemark.slnx not found above the test binaries");
    }
}
