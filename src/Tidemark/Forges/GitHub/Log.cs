using Microsoft.Extensions.Logging;

namespace Tidemark.Forges.GitHub;

/// <summary>Source-generated log messages of the GitHub forge. Never pass a token.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5002, EventName = "pr.duplicates", Level = LogLevel.Warning,
        Message = "{Repository}: {Count} open pull requests from {Branch} into {Base}; keeping #{Number}, close the others")]
    public static partial void DuplicatePullRequests(ILogger logger, string repository, int count, string branch, string @base, int number);

    [LoggerMessage(EventId = 5003, EventName = "pr.ensured", Level = LogLevel.Information,
        Message = "{Repository}: pull request #{Number} {Action} ({Changed})")]
    public static partial void PullRequestEnsured(ILogger logger, string repository, int number, string action, string changed);

    [LoggerMessage(EventId = 5004, EventName = "pr.create.race", Level = LogLevel.Information,
        Message = "{Repository}: a pull request from {Branch} appeared while creating one; updating it instead")]
    public static partial void CreateRace(ILogger logger, string repository, string branch);

    [LoggerMessage(EventId = 5005, EventName = "branch.delete.already-gone", Level = LogLevel.Debug,
        Message = "{Repository}: branch {Branch} was already deleted")]
    public static partial void BranchAlreadyGone(ILogger logger, string repository, string branch);

    [LoggerMessage(EventId = 5006, EventName = "forge.request", Level = LogLevel.Debug, Message = "{Method} {Path} answered {Status}")]
    public static partial void Request(ILogger logger, string method, string path, int status);
}
