using System.Text;
using Tidemark.State;

namespace Tidemark.IntegrationTests.State;

/// <summary>Writes through every port of a store with a secret in every input, for the backends' "secret never stored" tests.</summary>
internal static class StateWrites
{
    /// <summary>The forms a secret must not take in stored bytes: plain, base64, and base64 of a Basic credential.</summary>
    public static string[] SecretForms(string secret) =>
        [secret, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + secret))];

    public static async Task WriteEverythingAsync(StateStore store, string secret)
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + secret));
        var id = await store.RunWriter.StartRunAsync(new RunStart("acme/" + secret, "trigger " + secret), default);
        await store.RunWriter.RecordDecisionsAsync(id, [new DecisionRecord("img" + secret, secret, secret, "p" + secret, "r " + basic)], default);
        await store.RunWriter.EndRunAsync(id, new RunEnd("failed: " + secret, 1, 1, 1), default);
        await store.PullRequestWriter.SavePullRequestAsync(new ManagedPullRequest("acme/" + secret, "b" + secret, 1, "https://x/" + secret,
            PullRequestState.Open, new Dictionary<string, string> { [secret] = secret }, false, secret), default);
        await store.TagCacheWriter.StoreTagsAsync(new TagCacheKey("r" + secret, secret), [secret], default);
        var lease = await store.Locks.TryAcquireAsync("acme/" + secret, "owner " + secret, TimeSpan.FromMinutes(1), default);
        await store.AuditWriter.AppendAsync(new AuditEvent(AuditActions.GitPush, "t" + secret, AuditOutcomes.Ok, "f" + secret, "Authorization: Basic " + basic, "run " + secret), default);
        await store.TokenWriter.RecordUseAsync(new TokenUse("f" + secret, "k" + secret, "s" + secret, "current", "acme/" + secret, null,
            new Dictionary<string, int> { ["a" + secret] = 1 }), default);
        await store.TokenWriter.RecordNextWorkedAsync("n" + secret, "c" + secret, TimeSpan.FromHours(24), default);
        await store.TokenWriter.RecordNextRefusedAsync("r" + secret, "c" + secret, "push to " + secret, default);
        await store.TokenWriter.TryRecordExpiryCommentAsync("f" + secret, 7, "acme/" + secret + "#1", default);
        await store.PushedCommitWriter.RecordPushedCommitAsync(new PushedCommit("acme/" + secret, "b" + secret, secret, "run " + secret), default);
        await store.ClosureWriter.TryRecordClosureAsync(new PullRequestClosure("acme/" + secret, "b" + secret, 1, ClosedBy.Person, "why " + secret), default);
        await store.AnnouncementWriter.TryRecordAnnouncementAsync(new Announcement("acme/" + secret, "b" + secret, AnnouncementKind.Pause, secret), default);
        Assert.NotNull(lease);
    }
}
