namespace Tidemark.Automation;

/// <summary>What one locked <c>tidemark run</c> works with besides its <see cref="RunContext"/>: git, the token rotation, a forge per token, the token ledgers begun so far (each ended at the end) and the work directory.</summary>
internal sealed record RunTools(Git.GitRunner Runner, Credentials.RunTokenRotation Rotation, ForgePool Forges, List<Credentials.RunTokenLedger> Ledgers, string WorkDir);
