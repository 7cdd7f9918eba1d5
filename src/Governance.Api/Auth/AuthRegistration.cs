using Governance.Api.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Governance.Api.Auth;

public static class AuthRegistration
{
    private const string SelectorScheme = "Governance";
    private const string ExternalScheme = "External";

    /// <summary>Local accounts (Identity, bearer tokens and cookies), optional external JWT, and deny-by-default authorization.</summary>
    public static IHostApplicationBuilder AddGovernanceAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<Microsoft.AspNetCore.Authentication.IAuthenticationHandlerProvider, PerRequestAuthenticationHandlers>();
        services.AddIdentityApiEndpoints<GovernanceUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // NIST SP 800-63B: length, not composition rules; common passwords are refused by CommonPasswordValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GovernanceDbContext>()
            .AddClaimsPrincipalFactory<GovernanceClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Cookie sessions re-check the account (locked, disabled, password changed) every minute, as bearer tokens do (SessionValidation).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = SessionValidation.Interval);

        // The API answers 401/403; it never redirects to a sign-in page (the portal's pages do: below).
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            // The API answers 401; a portal page read without an account sends the visitor to sign in, and back
            // afterwards. A post without one is refused: there is no form to come back to.
            o.Events.OnRedirectToLogin = c =>
            {
                if (Portal.PortalRegistration.IsPortal(c.HttpContext) && HttpMethods.IsGet(c.Request.Method))
                    c.Response.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(c.Request.PathBase + c.Request.Path + c.Request.QueryString));
                else
                    c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

        // The keys that protect cookies and reset codes: every host must share them. On disk (a shared or per-host
        // folder) by default, or in the database (DataProtection:Store = Database) so that any number of hosts agree.
        var protection = services.AddDataProtection().SetApplicationName("Governance");
        if (string.Equals(builder.Configuration["DataProtection:Store"], "Database", StringComparison.OrdinalIgnoreCase))
            protection.PersistKeysToDbContext<GovernanceDbContext>();
        else
            protection.PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys")));

        var external = AddExternalProvider(builder);
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddPolicyScheme(SelectorScheme, "By the credential presented", o => o.ForwardDefaultSelector = context =>
            {
                if (PersonalAccessTokenHandler.Presents(context.Request))
                    return PersonalAccessTokenHandler.SchemeName;
                var header = context.Request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                    return IdentityConstants.ApplicationScheme;
                return external && header.Count(c => c == '.') == 2 ? ExternalScheme : IdentityConstants.BearerScheme;
            });
        services.AddSingleton<AuthenticationChallenge>();
        services.Configure<ExternalAuthOptions>(builder.Configuration.GetSection("Authentication:External"));

        services.AddSingleton<IAuthorizationHandler, EntitySetAuthorizationHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationFailureLogger>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(EntitySetAccess.Read, p => p.RequireAuthenticatedUser().AddRequirements(new EntitySetRequirement(Write: false)))
            .AddPolicy(EntitySetAccess.Write, p => p.RequireAuthenticatedUser().AddRequirements(new EntitySetRequirement(Write: true)));
        services.AddScoped<AccountService>();
        services.AddSignInThrottle(builder.Configuration);
        services.AddMemoryCache();
        return builder;
    }

    /// <summary>
    /// Councils that sign in with their own identity provider configure Authentication:External (Authority,
    /// Audience, RoleClaim). JWTs go to that handler; Identity's own tokens and cookies keep working.
    /// </summary>
    private static bool AddExternalProvider(IHostApplicationBuilder builder)
    {
        var external = builder.Configuration.GetSection("Authentication:External").Get<ExternalAuthOptions>();
        if (string.IsNullOrWhiteSpace(external?.Authority))
            return false;

        builder.Services.AddAuthentication().AddJwtBearer(ExternalScheme, o =>
        {
            o.Authority = external.Authority;
            o.Audience = external.Audience;
            o.RequireHttpsMetadata = external.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.RoleClaimType = external.RoleClaim;
            o.TokenValidationParameters.NameClaimType = external.NameClaim;
        });
        return true;
    }
}

public sealed class ExternalAuthOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string RoleClaim { get; set; } = "roles";

    public string NameClaim { get; set; } = "preferred_username";

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Where a client sends its user to sign in with their organisational account (Power BI and Excel read it from the
    /// 401's WWW-Authenticate challenge); by default the authority's OAuth 2.0 authorize endpoint.
    /// </summary>
    public string? AuthorizationUri { get; set; }
}
