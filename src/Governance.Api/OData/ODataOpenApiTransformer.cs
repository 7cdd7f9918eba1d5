using System.Reflection;
using Governance.Api.Auth;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OData.Edm;
using Microsoft.OpenApi;

namespace Governance.Api.OData;

/// <summary>
/// OData routes are not visible to ASP.NET's API explorer, so the OpenAPI description of the entity sets is
/// written from the EDM model: one path per collection and per entity, with the operations each controller
/// offers, the query options, If-Match on changes, and who may read and write.
/// </summary>
internal sealed class ODataOpenApiTransformer(IEdmModel model) : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, Type> Controllers = typeof(ODataOpenApiTransformer).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ODataController)) && !t.IsAbstract)
        .ToDictionary(t => t.Name[..^"Controller".Length], StringComparer.Ordinal);

    private static readonly (string Name, string Description)[] QueryOptions =
    [
        ("$filter", "Filter rows, e.g. Status eq 'Active'"),
        ("$select", "Properties to return"),
        ("$expand", $"Related records to include (depth at most {GovernanceQueryAttribute.MaxDepth})"),
        ("$orderby", $"Sort order (at most {GovernanceQueryAttribute.MaxOrderByNodes} keys)"),
        ("$top", $"At most this many rows (max {GovernanceQueryAttribute.MaxTopValue})"),
        ("$skip", "Skip this many rows"),
        ("$count", "Include @odata.count"),
        ("$apply", "Aggregation, e.g. groupby((Status),aggregate($count as Count))"),
        ("$search", "Words, \"phrases\", AND, OR, NOT in the set's searchable text (400 on sets that offer none)"),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        // Every operation needs a bearer token from POST /auth/login (or the council's identity provider).
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An access token from POST /auth/login.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
        foreach (var set in model.EntityContainer.EntitySets())
        {
            if (!Controllers.TryGetValue(set.Name, out var controller))
                continue;
            var access = AccessRules.EntitySets.GetValueOrDefault(set.Name);
            var schema = SchemaOf(set.EntityType);
            var readers = access is null ? "nobody" : string.Join(", ", access.Read);
            var writers = access is null || access.Write.Count == 0 ? "nobody" : string.Join(", ", access.Write);

            var collection = new OpenApiPathItem();
            collection.AddOperation(HttpMethod.Get, Operation($"{set.Name}_List", set.Name, $"List {set.Name}. Readable by: {readers}.", QueryParameters(), null, "200"));
            if (Has(controller, "Post"))
                collection.AddOperation(HttpMethod.Post, Operation($"{set.Name}_Create", set.Name, $"Create one of {set.Name}. Writable by: {writers}.", [], schema, "201"));
            document.Paths[$"/{ODataRegistration.RoutePrefix}/{set.Name}"] = collection;

            var single = new OpenApiPathItem();
            single.AddOperation(HttpMethod.Get, Operation($"{set.Name}_Get", set.Name, $"Read one of {set.Name} by key.", [Key(), .. QueryParameters().Where(p => p.Name is "$select" or "$expand")], null, "200"));
            foreach (var (method, verb) in new[] { (HttpMethod.Patch, "Patch"), (HttpMethod.Put, "Put"), (HttpMethod.Delete, "Delete") })
            {
                if (Has(controller, verb))
                {
                    var what = verb == "Delete" ? "Archive (records are never deleted)" : verb == "Put" ? "Replace the writable properties of" : "Update the given properties of";
                    single.AddOperation(method, Operation($"{set.Name}_{verb}", set.Name, $"{what} one of {set.Name}. Needs If-Match with its ETag. Writable by: {writers}.",
                        [Key(), IfMatch()], verb == "Delete" ? null : schema, verb == "Delete" ? "204" : "200"));
                }
            }

            document.Paths[$"/{ODataRegistration.RoutePrefix}/{set.Name}({{key}})"] = single;
        }

        return Task.CompletedTask;
    }

    private static bool Has(Type controller, string method) =>
        controller.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == method);

    private const string Bearer = "Bearer";

    /// <param name="id">A stable operationId: the set and the verb, e.g. Contracts_List, Contracts_Patch.</param>
    private static OpenApiOperation Operation(string id, string tag, string summary, List<IOpenApiParameter> parameters, OpenApiSchema? body, string success)
    {
        var operation = new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new(tag) },
            Parameters = parameters,
            Responses = new OpenApiResponses
            {
                [success] = new OpenApiResponse { Description = "Success" },
                ["400"] = new OpenApiResponse { Description = "The request is not valid; the body says why" },
                ["401"] = new OpenApiResponse { Description = "Not signed in" },
                ["403"] = new OpenApiResponse { Description = "The role may not do this" },
            },
        };
        if (body is not null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = body } },
            };
        }

        return operation;
    }

    private static List<IOpenApiParameter> QueryParameters() =>
    [
        .. QueryOptions.Select(o => (IOpenApiParameter)new OpenApiParameter
        {
            Name = o.Name, In = ParameterLocation.Query, Description = o.Description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        }),
    ];

    private static OpenApiParameter Key() =>
        new() { Name = "key", In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };

    private static OpenApiParameter IfMatch() => new()
    {
        Name = "If-Match", In = ParameterLocation.Header, Required = true, Description = "The record's @odata.etag; 428 without it, 412 when stale",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema SchemaOf(IEdmEntityType type) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = type.StructuralProperties().ToDictionary(p => p.Name, p => (IOpenApiSchema)PropertySchema(p.Type)),
    };

    private static OpenApiSchema PropertySchema(IEdmTypeReference type)
    {
        var schema = type.Definition switch
        {
            IEdmEnumType e => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. e.Members.Select(m => (System.Text.Json.Nodes.JsonNode)m.Name)] },
            IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int64 } => new OpenApiSchema { Type = JsonSchemaType.Integer },
            IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Decimal or EdmPrimitiveTypeKind.Double } => new OpenApiSchema { Type = JsonSchemaType.Number },
            IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Boolean } => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Date } => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.DateTimeOffset } => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };
        if (type.IsNullable && schema.Type is { } t)
            schema.Type = t | JsonSchemaType.Null;
        return schema;
    }
}
