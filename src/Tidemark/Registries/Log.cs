using Microsoft.Extensions.Logging;

namespace Tidemark.Registries;

/// <summary>Source-generated log messages of the registry client. Never pass a credential.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, EventName = "registry.retry", Level = LogLevel.Warning,
        Message = "{Operation}: {Reason}; retry {Attempt} of {Retries} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, string reason, int attempt, int retries, long delayMs);

    [LoggerMessage(EventId = 2002, EventName = "registry.list.page-cap", Level = LogLevel.Warning,
        Message = "listing tags of {Repository} stopped at the page cap of {MaxPages} pages ({TagCount} tags read); raise MaxPages to read them all")]
    public static partial void PageCapReached(ILogger logger, string repository, int maxPages, int tagCount);

    [LoggerMessage(EventId = 2003, EventName = "registry.token.fetched", Level = LogLevel.Debug,
        Message = "fetched a registry token for {Registry} scope {Scope} (authenticated: {Authenticated}, lifetime {LifetimeSeconds} s)")]
    public static partial void TokenFetched(ILogger logger, string registry, string scope, bool authenticated, double lifetimeSeconds);

    [LoggerMessage(EventId = 2004, EventName = "registry.list.read", Level = LogLevel.Debug,
        Message = "listed {TagCount} tags of {Repository} in {Pages} pages ({Excluded} excluded)")]
    public static partial void TagsListed(ILogger logger, string repository, int tagCount, int pages, int excluded);

    [LoggerMessage(EventId = 2005, EventName = "registry.token.rejected", Level = LogLevel.Debug,
        Message = "the registry {Registry} rejected the token for {Scope} ({Error}); fetching a new one")]
    public static partial void TokenRejected(ILogger logger, string registry, string scope, string error);
}
