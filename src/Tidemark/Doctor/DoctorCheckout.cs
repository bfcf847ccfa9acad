using Tidemark.Automation;
using Tidemark.Git;

namespace Tidemark.Doctor;

/// <summary>Tidemark's clone at the base head and what its configuration says (base, update branch, paths).</summary>
internal sealed record DoctorCheckout(GitRepository Git, Workspace Workspace, PublishSettings Settings, string BaseSha);
