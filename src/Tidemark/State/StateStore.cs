namespace Tidemark.State;

/// <summary>Every port of one state store, as the composition root hands them out.</summary>
internal sealed record StateStore(
    IRunWriter RunWriter,
    IRunReader RunReader,
    IPullRequestWriter PullRequestWriter,
    IPullRequestReader PullRequestReader,
    ITagCacheReader TagCacheReader,
    ITagCacheWriter TagCacheWriter,
    IRepositoryLock Locks,
    IAuditWriter AuditWriter,
    IAuditReader AuditReader,
    ITokenLedgerWriter TokenWriter,
    ITokenLedgerReader TokenReader,
    IPushedCommitWriter PushedCommitWriter,
    IPushedCommitReader PushedCommitReader,
    IPullRequestClosureWriter ClosureWriter,
    IPullRequestClosureReader ClosureReader,
    IAnnouncementWriter AnnouncementWriter,
    IAnnouncementReader AnnouncementReader);
