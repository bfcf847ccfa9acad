using System.Reflection;
using Tidemark.State;

namespace Tidemark.Tests.State;

/// <summary>Audit actions and outcomes are typed values of one vocabulary that render their dotted names; no string converts into one.</summary>
public sealed class AuditVocabularyTests
{
    [Fact]
    public void Actions_RenderTheirDottedNames_AndAreFoundByThem()
    {
        Assert.Equal(["registry.list", "git.fetch", "git.push", "pr.create", "pr.update", "pr.close", "pr.comment", "branch.delete", "token.check", "token.mint", "token.expiry"],
            AuditActions.All.Select(a => a.ToString()));
        Assert.All(AuditActions.All, a => Assert.Equal(a, AuditAction.Find(a.Name)));
        Assert.Null(AuditAction.Find("git.pull"));
        Assert.Equal("git.push.denied", $"{AuditActions.GitPush}.{AuditOutcomes.Denied}");
    }

    [Fact]
    public void Outcomes_AreOkDeniedFailed()
    {
        Assert.Equal(["ok", "denied", "failed"], AuditOutcomes.All.Select(o => o.Name));
        Assert.Equal(AuditOutcomes.Failed, AuditOutcome.Find("failed"));
        Assert.NotEqual(AuditOutcomes.Ok, AuditOutcome.FromStored("OK"));
    }

    [Fact]
    public void StoredNameUnknownToThisVersion_IsKeptAsItIs()
    {
        var stored = AuditAction.FromStored("repo.archive");

        Assert.Equal("repo.archive", stored.Name);
        Assert.DoesNotContain(stored, AuditActions.All);
        Assert.Equal(AuditActions.PullRequestClose, AuditAction.FromStored("pr.close"));
    }

    [Theory]
    [InlineData(typeof(AuditAction))]
    [InlineData(typeof(AuditOutcome))]
    public void NoStringBecomesOne_WithoutTheVocabulary(Type type)
    {
        Assert.DoesNotContain(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance), c => c.GetParameters().Length > 0);
        Assert.DoesNotContain(type.GetMethods(BindingFlags.Public | BindingFlags.Static), m => m.Name is "op_Implicit" or "op_Explicit");
    }
}
