using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif

namespace PolicyLint.Rules.FrontMatter;

/// <summary>
/// Whether PL1004's <c>schema</c> option (JSON Schema validation through JsonSchema.Net) is available. A trimming feature switch:
/// the Native AOT CLI sets <c>PolicyLint.JsonSchemaSupport</c> to false, so the compiler drops JsonSchema.Net and the module
/// initializer that builds every meta-schema at process start. Everywhere else (portable tool, library) it is on.
/// </summary>
internal static class JsonSchemaSupport
{
    internal const string SwitchName = "PolicyLint.JsonSchemaSupport";

    /// <summary>True unless the <c>PolicyLint.JsonSchemaSupport</c> switch is set to false.</summary>
#if NET
    [FeatureSwitchDefinition(SwitchName)]
#endif
    internal static bool IsEnabled { get; } = !AppContext.TryGetSwitch(SwitchName, out bool enabled) || enabled;

    /// <summary>The configuration error for a <c>schema</c> option in a build without JSON Schema support.</summary>
    internal const string DisabledMessage =
        "The Native AOT build of PolicyLint does not include JSON Schema validation (PL1004 'schema'); install the portable tool " +
        "package PolicyLint.Tool.any (see docs/cli.md) or describe the fields with PL1004 'fields' specs";
}
