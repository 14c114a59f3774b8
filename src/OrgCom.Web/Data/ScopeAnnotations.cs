using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrgCom.Core.Access;

namespace OrgCom.Web.Data;

/// <summary>
/// Every entity type declares how it belongs to the organization tree. The scope guard (on save) and the audit
/// log read this one declaration, so a new entity cannot silently escape either: a test fails for an entity type
/// that declares nothing.
/// </summary>
public static class ScopeAnnotations
{
    public const string OwnerProperty = "OrgCom:ScopeOwnerProperty";
    public const string EitherOwnerProperties = "OrgCom:ScopeEitherOwnerProperties";
    public const string MovedByTransferAnnotation = "OrgCom:ScopeMovedByTransfer";
    public const string RequiredPermission = "OrgCom:ScopeWritePermission";
    public const string IsTreeNode = "OrgCom:ScopeIsTreeNode";
    public const string Unscoped = "OrgCom:ScopeUnscoped";
    public const string Central = "OrgCom:ScopeCentral";
    public const string DecidedAbove = "OrgCom:ScopeDecidedAbove";
    public const string Decision = "OrgCom:ScopeDecision";
    public const string AuditRedacted = "OrgCom:AuditRedacted";
    public const string AuditIgnored = "OrgCom:AuditIgnored";

    /// <summary>The entity lives in the organization named by <paramref name="organizationId"/>. Several flags in
    /// <paramref name="writePermission"/> (Write | Approve) mean any one of them allows a change.</summary>
    public static EntityTypeBuilder<T> OwnedByOrganization<T>(
        this EntityTypeBuilder<T> builder, Expression<Func<T, long>> organizationId,
        Permission writePermission = Permission.Write) where T : class
    {
        var member = (MemberExpression)organizationId.Body;
        builder.HasAnnotation(OwnerProperty, member.Member.Name);
        builder.HasAnnotation(RequiredPermission, (int)writePermission);
        return builder;
    }

    /// <summary>
    /// The entity is shared by two organizations (e.g. a transfer between a sender and a receiver): it is created in
    /// the scope of the first, and either side may change it afterwards. Both sides read it.
    /// </summary>
    public static EntityTypeBuilder<T> OwnedByEitherOrganization<T>(
        this EntityTypeBuilder<T> builder, Expression<Func<T, long>> first, Expression<Func<T, long>> second,
        Permission writePermission = Permission.Write) where T : class
    {
        builder.HasAnnotation(EitherOwnerProperties,
            $"{((MemberExpression)first.Body).Member.Name},{((MemberExpression)second.Body).Member.Name}");
        builder.HasAnnotation(RequiredPermission, (int)writePermission);
        return builder;
    }

    /// <summary>
    /// Some changes of the entity (its properties marked <see cref="IsDecision{TProperty}"/>) are decisions of the
    /// competent level: they need Approve at the parent of the owning organization — or at the owner itself when it
    /// also owns the record named by <paramref name="selfDecidingWhenOwnerOf"/> (e.g. the organization that opened an
    /// assessment round decides its own assessment). Every other change needs the entity's own permission at the owner.
    /// </summary>
    public static EntityTypeBuilder<T> DecidedByLevelAbove<T>(this EntityTypeBuilder<T> builder,
        Expression<Func<T, long>> selfDecidingWhenOwnerOf) where T : class
    {
        builder.HasAnnotation(DecidedAbove, ((MemberExpression)selfDecidingWhenOwnerOf.Body).Member.Name);
        return builder;
    }

    /// <summary>
    /// Changing this property is a decision of the competent level (see <see cref="DecidedByLevelAbove{T}"/>), except to
    /// one of <paramref name="ownerMaySet"/> (the enum or value as text; "*" for any non-null value), which the owner's
    /// staff may set (e.g. an assessment's status to Submitted).
    /// </summary>
    public static PropertyBuilder<TProperty> IsDecision<TProperty>(this PropertyBuilder<TProperty> builder, params string[] ownerMaySet) =>
        builder.HasAnnotation(Decision, string.Join(',', ownerMaySet));

    /// <summary>
    /// The entity's organization may change to another scope when, in the same save, the receiving side confirms a
    /// transfer of it (the sender authorised the move by issuing the transfer). See ScopeGuard.
    /// </summary>
    public static EntityTypeBuilder<T> MovedByTransfer<T>(this EntityTypeBuilder<T> builder) where T : class
    {
        builder.HasAnnotation(MovedByTransferAnnotation, true);
        return builder;
    }

    /// <summary>The entity is a node of the tree itself: it is written in its parent's scope when added and in its
    /// own scope (and its new parent's) when changed.</summary>
    public static EntityTypeBuilder<T> IsOrganizationTreeNode<T>(this EntityTypeBuilder<T> builder) where T : class
    {
        builder.HasAnnotation(IsTreeNode, true);
        builder.HasAnnotation(RequiredPermission, (int)Permission.Write);
        return builder;
    }

    /// <summary>Outside the tree (accounts, reference data); access is checked by the feature that writes it.</summary>
    public static EntityTypeBuilder<T> NotOrganizationScoped<T>(this EntityTypeBuilder<T> builder, string why)
        where T : class
    {
        builder.HasAnnotation(Unscoped, why);
        return builder;
    }

    /// <summary>Outside the tree and shared by the whole system (rules, holiday calendar): only a holder of Administer
    /// on the root of the tree changes it, which the save guard checks.</summary>
    public static EntityTypeBuilder<T> AdministeredCentrally<T>(this EntityTypeBuilder<T> builder, string why)
        where T : class
    {
        builder.HasAnnotation(Unscoped, why);
        builder.HasAnnotation(Central, true);
        return builder;
    }

    public static PropertyBuilder<TProperty> RedactedInAudit<TProperty>(this PropertyBuilder<TProperty> builder) =>
        builder.HasAnnotation(AuditRedacted, true);

    /// <summary>Derived or bookkeeping data, not worth an audit line (e.g. the materialized path).</summary>
    public static PropertyBuilder<TProperty> IgnoredInAudit<TProperty>(this PropertyBuilder<TProperty> builder) =>
        builder.HasAnnotation(AuditIgnored, true);

    public static bool IsDeclared(IReadOnlyEntityType entityType) =>
        entityType.FindAnnotation(OwnerProperty) is not null
        || entityType.FindAnnotation(EitherOwnerProperties) is not null
        || entityType.FindAnnotation(IsTreeNode) is not null
        || entityType.FindAnnotation(Unscoped) is not null;
}
