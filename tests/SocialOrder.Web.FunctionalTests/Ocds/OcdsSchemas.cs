using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SocialOrder.Web.FunctionalTests.Ocds;

/// <summary>
/// The official OCDS 1.1.5 schemas (vendored in Schemas/, see its README) with JsonSchema.Net, nothing downloaded.
/// JsonSchema.Net 8 evaluates drafts 6, 7, 2019-09 and 2020-12 but not draft 4, in which these schemas are written.
/// Of draft 4's differences from draft 7 they use only one: the base URI is <c>id</c>, not <c>$id</c> (they have no
/// boolean exclusiveMinimum/exclusiveMaximum, and draft 7, like draft 4, ignores keywords beside <c>$ref</c>; the test
/// <c>Schemas_UseNoDraft04OnlyConstructButTheRootId</c> checks that on the files). So each file's root <c>id</c>
/// becomes <c>$id</c> and its <c>$schema</c> draft 7, and it is evaluated as draft 7 with formats asserted, as draft 4 does.
/// </summary>
public static class OcdsSchemas
{
    public const string Base = "https://standard.open-contracting.org/schema/1__1__5/";
    public static readonly string[] Files = ["release-schema.json", "versioned-release-validation-schema.json", "release-package-schema.json", "record-package-schema.json"];

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    public static JsonSchema Release => Schemas.Value["release-schema.json"];

    public static JsonSchema ReleasePackage => Schemas.Value["release-package-schema.json"];

    public static JsonSchema RecordPackage => Schemas.Value["record-package-schema.json"];

    public static JsonObject Raw(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ocds", "Schemas", file)))!.AsObject();

    /// <summary>Every error the schema finds in the document, as "location keyword: message"; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string json)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Append(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var node = Raw(file);
            var id = node["id"]!.GetValue<string>();
            node.Remove("id");
            node["$id"] = id;
            node["$schema"] = "http://json-schema.org/draft-07/schema#";
            using var document = JsonDocument.Parse(node.ToJsonString());
            schemas[file] = JsonSchema.Build(document.RootElement.Clone(), options, new Uri(id));
        }

        return schemas;
    }
}
