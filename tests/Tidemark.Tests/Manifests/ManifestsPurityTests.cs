using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class ManifestsPurityTests
{
    private static readonly Type[] Banned =
    [
        typeof(HttpClient), typeof(Stream), typeof(File), typeof(FileSystemInfo), typeof(Directory),
        typeof(Process), typeof(TimeProvider), typeof(ILogger),
    ];

    [Fact]
    public void ManifestsTypes_ExceptTheWalker_TakeAndHoldNoIo()
    {
        var types = typeof(SpanEditor).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Tidemark.Manifests", StringComparison.Ordinal) == true)
            .Where(t => t != typeof(RepositoryWalker) && t.DeclaringType != typeof(RepositoryWalker))
            .ToList();

        Assert.NotEmpty(types);
        var offenders = types.SelectMany(t => SignatureTypes(t).Where(IsBanned).Select(b => $"{t.FullName} uses {b.Name}")).ToList();
        Assert.Empty(offenders);
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var field in type.GetFields(All))
        {
            yield return field.FieldType;
        }
        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }
        }
    }

    private static bool IsBanned(Type type)
    {
        if (type.HasElementType)
        {
            return IsBanned(type.GetElementType()!);
        }
        if (type.IsGenericType && type.GetGenericArguments().Any(IsBanned))
        {
            return true;
        }
        return Banned.Any(b => b.IsAssignableFrom(type) || (type.IsGenericType && b.IsGenericTypeDefinition && type.GetGenericTypeDefinition() == b));
    }
}
