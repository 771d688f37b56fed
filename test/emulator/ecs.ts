/**
 * The ECS 2014-05-26 actions the alicloud provider sends for `alicloud_security_group`
 * (resource_alicloud_security_group.go and service_alicloud_ecs_v2.go in terraform-provider-alicloud v1.285.0):
 * create, the two reads, the attribute and inner-access-policy edits, and delete, which is refused with
 * DependencyViolation while an EMR cluster of the emulator still uses the group (the provider retries that code).
 */
import { optStr, ParamError, str, type Params } from "./params";
import { hex } from "./records";

export const ECS_VERSION = "2014-05-26";

interface SecurityGroupRec {
  SecurityGroupId: string; RegionId: string; SecurityGroupName: string; Description: string; VpcId: string;
  SecurityGroupType: string; ResourceGroupId: string; InnerAccessPolicy: string; CreationTime: string;
  Tags: { TagKey: string; TagValue: string }[];
}

type Handler = (p: Params) => Record<string, unknown>;

export class EcsState {
  readonly securityGroups = new Map<string, SecurityGroupRec>();
  private readonly handlers: Record<string, Handler>;

  /** `inUse(id)` names what still uses a security group (an EMR cluster), or is undefined. */
  constructor(private readonly now: () => number, private readonly inUse: (securityGroupId: string) => string | undefined = () => undefined) {
    this.handlers = this.createHandlers();
  }

  handle(action: string, p: Params): Record<string, unknown> {
    const handler = this.handlers[action];
    if (!handler) throw new ParamError("InvalidAction.NotFound", `Specified api is not found, please check your url and method. (${action})`, 404);
    return handler(p);
  }

  private group(p: Params): SecurityGroupRec {
    const g = this.securityGroups.get(str(p, "SecurityGroupId"));
    if (!g || g.RegionId !== str(p, "RegionId")) throw new ParamError("InvalidSecurityGroupId.NotFound", `The specified security group ${String(p.SecurityGroupId)} does not exist.`, 404);
    return g;
  }

  private createHandlers(): Record<string, Handler> {
    return {
      CreateSecurityGroup: (p) => {
        const type = optStr(p, "SecurityGroupType") ?? "normal";
        if (type !== "normal" && type !== "enterprise") throw new ParamError("InvalidSecurityGroupType.Malformed", `SecurityGroupType ${type} is not valid: normal or enterprise.`);
        const vpcId = str(p, "VpcId");
        const tags = Array.isArray(p.Tag) ? (p.Tag as { Key?: string; Value?: string }[]).map((t) => ({ TagKey: String(t.Key), TagValue: String(t.Value ?? "") })) : [];
        const g: SecurityGroupRec = {
          SecurityGroupId: `sg-${hex(10)}`, RegionId: str(p, "RegionId"), SecurityGroupName: optStr(p, "SecurityGroupName") ?? "", Description: optStr(p, "Description") ?? "",
          VpcId: vpcId, SecurityGroupType: type, ResourceGroupId: optStr(p, "ResourceGroupId") ?? "rg-default", InnerAccessPolicy: "Accept",
          CreationTime: new Date(this.now()).toISOString().replace(/\.\d+Z$/, "Z"), Tags: tags,
        };
        this.securityGroups.set(g.SecurityGroupId, g);
        return { SecurityGroupId: g.SecurityGroupId };
      },
      DescribeSecurityGroups: (p) => {
        const region = str(p, "RegionId");
        const id = optStr(p, "SecurityGroupId");
        const rows = [...this.securityGroups.values()].filter((g) => g.RegionId === region && (!id || g.SecurityGroupId === id));
        const view = rows.map(({ Tags, InnerAccessPolicy: _policy, RegionId: _region, ...g }) => ({ ...g, Tags: { Tag: Tags } }));
        return { SecurityGroups: { SecurityGroup: view }, TotalCount: view.length, PageNumber: 1, PageSize: 10, RegionId: region };
      },
      DescribeSecurityGroupAttribute: (p) => {
        const g = this.group(p);
        return {
          SecurityGroupId: g.SecurityGroupId, SecurityGroupName: g.SecurityGroupName, Description: g.Description, VpcId: g.VpcId,
          RegionId: g.RegionId, InnerAccessPolicy: g.InnerAccessPolicy, Permissions: { Permission: [] },
        };
      },
      ModifySecurityGroupAttribute: (p) => {
        const g = this.group(p);
        g.SecurityGroupName = optStr(p, "SecurityGroupName") ?? g.SecurityGroupName;
        g.Description = optStr(p, "Description") ?? g.Description;
        return {};
      },
      ModifySecurityGroupPolicy: (p) => {
        const g = this.group(p);
        const policy = str(p, "InnerAccessPolicy");
        if (policy !== "Accept" && policy !== "Drop") throw new ParamError("InvalidInnerAccessPolicy.Malformed", `InnerAccessPolicy ${policy} is not valid: Accept or Drop.`);
        g.InnerAccessPolicy = policy;
        return {};
      },
      DeleteSecurityGroup: (p) => {
        const g = this.group(p);
        const user = this.inUse(g.SecurityGroupId);
        if (user) throw new ParamError("DependencyViolation", `The security group ${g.SecurityGroupId} is still used by ${user}.`, 403);
        this.securityGroups.delete(g.SecurityGroupId);
        return {};
      },
    };
  }
}
