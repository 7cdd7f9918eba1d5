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
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An access token from POST /auth/login, or a personal access token (gov_pat_...) from POST /auth/tokens.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
        document.Info ??= new OpenApiInfo();
        document.Info.Description = "Sign in with POST /auth/login (try it here: it needs no token) and paste the accessToken it returns, or a "
            + "personal access token from POST /auth/tokens, into Authentication (Bearer). Every request after that carries it.";
        foreach (var anonymous in new[] { "/auth/login", "/auth/refresh" })
        {
            if (document.Paths.TryGetValue(anonymous, out var item) && item.Operations is { } operations)
            {
                foreach (var operation in operations.Values)
                    operation.Security = []; // no token needed
            }
        }
        foreach (var set in model.EntityContainer.EntitySets())
        {
            if (!Controllers.TryGetValue(set.Name, out var controller))
                continue;
            var access = AccessRules.EntitySets.GetValueOrDefault(set.Name);
            var schema = Component(document, set.EntityType);
            var readers = access is null ? "nobody" : string.Join(", ", access.Read);
            var writers = access is null || access.Write.Count == 0 ? "nobody" : string.Join(", ", access.Write);

            var collection = new OpenApiPathItem();
            collection.AddOperation(HttpMethod.Get, Operation($"{set.Name}_List", set.Name, $"List {set.Name}. Readable by: {readers}.", QueryParameters(), null, "200", Page(schema)));
            if (Has(controller, "Post"))
                collection.AddOperation(HttpMethod.Post, Operation($"{set.Name}_Create", set.Name, $"Create one of {set.Name}. Writable by: {writers}.", [], schema, "201", schema));
            document.Paths[$"/{ODataRegistration.RoutePrefix}/{set.Name}"] = collection;

            var single = new OpenApiPathItem();
            single.AddOperation(HttpMethod.Get, Operation($"{set.Name}_Get", set.Name, $"Read one of {set.Name} by key.", [Key(), .. QueryParameters().Where(p => p.Name is "$select" or "$expand")], null, "200", schema));
            foreach (var (method, verb) in new[] { (HttpMethod.Patch, "Patch"), (HttpMethod.Put, "Put"), (HttpMethod.Delete, "Delete") })
            {
                if (Has(controller, verb))
                {
                    var what = verb == "Delete" ? "Archive (records are never deleted)" : verb == "Put" ? "Replace the writable properties of" : "Update the given properties of";
                    single.AddOperation(method, Operation($"{set.Name}_{verb}", set.Name, $"{what} one of {set.Name}. Needs If-Match with its ETag. Writable by: {writers}.",
                        [Key(), IfMatch()], verb == "Delete" ? null : schema, verb == "Delete" ? "204" : "200", verb == "Delete" ? null : schema));
                }
            }

            document.Paths[$"/{ODataRegistration.RoutePrefix}/{set.Name}({{key}})"] = single;
            AddOperations(document, set, readers, writers);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The actions and functions bound to a set's entity or collection: POST with the parameters as a JSON body for
    /// an action, GET with the parameters in the path for a function, each with its result's schema.
    /// </summary>
    private void AddOperations(OpenApiDocument document, IEdmEntitySet set, string readers, string writers)
    {
        foreach (var operation in model.SchemaElements.OfType<IEdmOperation>().Where(o => o.IsBound && o.Parameters.First().Type is var binding
            && (binding.Definition == set.EntityType || (binding.Definition as IEdmCollectionType)?.ElementType.Definition == set.EntityType)))
        {
            var onCollection = operation.Parameters.First().Type.IsCollection();
            var parameters = operation.Parameters.Skip(1).ToList();
            var name = $"{operation.Namespace}.{operation.Name}";
            var isFunction = operation is IEdmFunction;
            var segment = isFunction ? $"{name}({string.Join(",", parameters.Select(p => $"{p.Name}={{{p.Name}}}"))})" : name;
            var path = onCollection ? $"/{ODataRegistration.RoutePrefix}/{set.Name}/{segment}" : $"/{ODataRegistration.RoutePrefix}/{set.Name}({{key}})/{segment}";
            var id = $"{set.Name}_{operation.Name}{(onCollection ? "_Collection" : "")}";
            var what = isFunction ? $"Function {operation.Name} of {(onCollection ? set.Name : $"one of {set.Name}")}. Readable by: {readers}."
                : $"Action {operation.Name} on {(onCollection ? set.Name : $"one of {set.Name}")}. Allowed to: {writers} (and the action's own rule).";
            List<IOpenApiParameter> pathParameters = onCollection ? [] : [Key()];
            OpenApiSchema? body = null;
            if (isFunction)
            {
                pathParameters.AddRange(parameters.Select(p => (IOpenApiParameter)new OpenApiParameter
                {
                    Name = p.Name, In = ParameterLocation.Path, Required = true, Schema = PropertySchema(p.Type),
                    Description = p.Type.IsString() ? "A quoted string literal, e.g. 'Final'" : null,
                }));
            }
            else if (parameters.Count > 0)
            {
                body = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = parameters.ToDictionary(p => p.Name, p => ResultSchema(document, p.Type) ?? new OpenApiSchema { Type = JsonSchemaType.String }),
                    Required = new HashSet<string>(parameters.Where(p => p is not IEdmOptionalParameter && !p.Type.IsNullable).Select(p => p.Name)),
                };
            }

            var returns = operation.GetReturn()?.Type;
            var result = returns is null ? null : ResultSchema(document, returns);
            var answer = Operation(id, set.Name, what, pathParameters, body, returns is null ? "204" : "200", result);
            if (returns?.Definition is IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Stream } && answer.Responses?["200"] is OpenApiResponse file)
                file.Content = new Dictionary<string, OpenApiMediaType> { ["application/pdf"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } } };
            answer.Responses!["404"] = new OpenApiResponse { Description = "No such record, or not one the reader may see" };
            if (!isFunction)
                answer.Responses["409"] = new OpenApiResponse { Description = "A rule refuses it now; the error names the rule" };
            var item = new OpenApiPathItem();
            item.AddOperation(isFunction ? HttpMethod.Get : HttpMethod.Post, answer);
            document.Paths[path] = item;
        }
    }

    /// <summary>The schema of an operation's result or parameter: an entity or complex type by reference, a collection as an OData value array.</summary>
    private static IOpenApiSchema? ResultSchema(OpenApiDocument document, IEdmTypeReference type) => type.Definition switch
    {
        IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Stream } => null,
        IEdmCollectionType collection => Page(ResultSchema(document, collection.ElementType) ?? new OpenApiSchema { Type = JsonSchemaType.String }),
        IEdmStructuredType structured => Component(document, structured),
        _ => PropertySchema(type),
    };

    /// <summary>A structured type's schema, once, under components; a reference to it.</summary>
    private static OpenApiSchemaReference Component(OpenApiDocument document, IEdmStructuredType type)
    {
        var name = ((IEdmSchemaElement)type).Name;
        document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = new OpenApiSchema(); // reserved first: a type may refer to itself
            document.Components.Schemas[name] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = type.StructuralProperties().ToDictionary(p => p.Name, p => p.Type.Definition is IEdmComplexType complex
                    ? Component(document, complex) : p.Type.Definition is IEdmCollectionType { ElementType.Definition: IEdmComplexType element }
                    ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Component(document, element) } : (IOpenApiSchema)PropertySchema(p.Type)),
            };
        }

        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>An OData collection answer: the rows under "value", with the next page's link and the count when asked for.</summary>
    private static OpenApiSchema Page(IOpenApiSchema row) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["value"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = row },
            ["@odata.nextLink"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            ["@odata.count"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
        },
        Required = new HashSet<string> { "value" },
    };

    private static bool Has(Type controller, string method) =>
        controller.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == method);

    private const string Bearer = "Bearer";

    /// <param name="id">A stable operationId: the set and the verb, e.g. Contracts_List, Contracts_Patch.</param>
    private static OpenApiOperation Operation(string id, string tag, string summary, List<IOpenApiParameter> parameters, IOpenApiSchema? body, string success, IOpenApiSchema? result = null)
    {
        var operation = new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new(tag) },
            Parameters = parameters,
            Responses = new OpenApiResponses
            {
                [success] = new OpenApiResponse
                {
                    Description = "Success",
                    Content = result is null ? null : new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = result } },
                },
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
