using System.Net;
using System.Security.Claims;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// A council's own identity provider, standing in as a local signing key: its JWTs are accepted, roles come from
/// the configured claim, and local tokens keep working beside them.
/// </summary>
public sealed class ExternalSignInTests(ExternalSignInTests.ExternalIdpApp app) : IClassFixture<ExternalSignInTests.ExternalIdpApp>
{
    private const string Issuer = "https://login.council.example/";
    private const string Audience = "governance-api";
    private static readonly SymmetricSecurityKey Key = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) { KeyId = "council-idp-1" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class ExternalIdpApp : SqliteAppBase
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Authentication:External:Authority"] = Issuer,
            ["Authentication:External:Audience"] = Audience,
            ["Authentication:External:RoleClaim"] = "groups",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Give the handler the provider's keys directly instead of fetching its discovery document.
            builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>("External", o =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(Key);
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
        }
    }

    private static string Token(string role, SecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("preferred_username", "j.bloggs@council.example"), new Claim("groups", role)]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
    });

    [Fact]
    public async Task ExternalToken_WithAllowedRole_ReadsAndIsNamed()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token("Councillor"));
        using var response = await client.GetAsync("/odata/Procurements", Ct);
        Assert.True(HttpStatusCode.OK == response.StatusCode, response.Headers.WwwAuthenticate.ToString());
        var me = await client.GetJsonAsync("/auth/me");
        Assert.Equal("j.bloggs@council.example", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ExternalToken_WithRoleNotAllowed_Is403()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token("Councillor"));
        using var response = await client.GetAsync("/odata/AuditEntries", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ExternalToken_SignedByAnotherKey_Is401()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token("Administrator", new SymmetricSecurityKey(new byte[32]) { KeyId = Key.KeyId }));
        using var response = await client.GetAsync("/odata/Departments", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task LocalToken_StillWorksBesideTheExternalProvider()
    {
        using var client = await app.ClientForAsync("ContractManager");
        using var response = await client.GetAsync("/odata/Contracts", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
