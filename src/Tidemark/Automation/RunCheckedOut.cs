using Tidemark.Credentials;
using Tidemark.Git;

namespace Tidemark.Automation;

/// <summary>A run's clone at the base head and its configuration, with the context and token that got them (the current one when the next token could not).</summary>
internal sealed record RunCheckedOut(RunContext Context, RunTokenChoice Choice, GitRepository Git, Workspace Workspace, PublishSettings Settings, string BaseSha, string DefaultBranch);
