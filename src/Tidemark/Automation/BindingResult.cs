using Tidemark.Manifests;

namespace Tidemark.Automation;

/// <summary>What binding found: references with their policies, references left alone on purpose, and unusable ones.</summary>
internal sealed record BindingResult(IReadOnlyList<GovernedReference> References, IReadOnlyList<NotUpdated> Ignored, IReadOnlyList<Skipped> Skipped);
