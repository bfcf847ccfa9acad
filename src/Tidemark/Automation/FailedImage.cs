using Tidemark.Registries;

namespace Tidemark.Automation;

/// <summary>
/// An image that could not be checked because its registry failed, e.g. (<c>quay.io/jetstack/cert-manager-controller</c>,
/// <c>quay.io</c>, <see cref="RegistryErrorKind.Unreachable"/>, <c>cannot reach registry quay.io (no answer within 30 s) …</c>):
/// neither changed nor known to be up to date.
/// </summary>
internal sealed record FailedImage(string Image, string Registry, RegistryErrorKind Kind, string Error);
