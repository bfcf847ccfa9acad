namespace Tidemark.Forges;

/// <summary>A repository as the forge describes it, e.g. <c>acme/gitops</c>, default branch <c>main</c>.</summary>
/// <param name="Permissions">The user's role on the repository; for fine-grained tokens an upper bound, not the token's grant.</param>
internal sealed record ForgeRepository(string FullName, string DefaultBranch, bool Private, bool Archived, ForgePermissions Permissions);
