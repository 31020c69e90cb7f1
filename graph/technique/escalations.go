package technique

// escalations lists the privilege-escalation and lateral-movement
// techniques, in the order Build runs them.
//
// Their edges follow one convention (docs/techniques.md says more):
//   - a step that makes its principal P admin-equivalent (P changes its own
//     policies, groups, tags or MFA) goes P → the account's admin node, and
//     only when the engine finds P allowed "*" on "*" after the change, with
//     its boundary and SCPs;
//   - a step that yields another principal's credentials, or runs code as a
//     role, goes P → that user or role;
//   - a take-over of an existing resource goes P → the role the resource
//     runs with, naming the resource in the evidence; where the estate holds
//     no resource of that kind for the account, the edge is latent.
func escalations() []*Technique {
	return []*Technique{
		IAMCreatePolicyVersion,
		IAMSetDefaultPolicyVersion,
		IAMAttachUserPolicy,
		IAMAttachGroupPolicy,
		IAMAttachRolePolicy,
		IAMPutUserPolicy,
		IAMPutGroupPolicy,
		IAMPutRolePolicy,
		IAMAddUserToGroup,
		IAMCreateAccessKey,
		IAMCreateLoginProfile,
		IAMUpdateLoginProfile,
		IAMUpdateAssumeRolePolicy,
		PassRoleEC2RunInstances,
		PassRoleLambdaInvoke,
		PassRoleLambdaEventSource,
		PassRoleGlueDevEndpoint,
		PassRoleCloudFormation,
		PassRoleDataPipeline,
		PassRoleCodeBuild,
		PassRoleSageMakerNotebook,
		PassRoleSageMakerTraining,
		PassRoleSageMakerProcessing,
		PassRoleECSRunTask,
		LambdaUpdateFunctionCode,
		GlueUpdateDevEndpoint,
		CloudFormationUpdateStack,
		SSMSendCommand,
		SSMStartSession,
		EC2InstanceConnect,
		SageMakerPresignedURL,
		EC2ModifyInstanceAttribute,
		IAMTagUser,
		IAMTagRole,
		IAMEnableMFADevice,
	}
}

// Costs of escalation steps, on the scale of technique.go's.
const (
	costIAMWrite   = 1.0 // one IAM call that changes configuration
	costTwoCalls   = 1.5 // two calls, the second using what the first set up
	costNewCompute = 2.0 // start a compute resource with a passed role, wait for it
	costTakeover   = 2.0 // get code run by an existing resource
)

// References shared by many techniques.
const (
	refRhino     = "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/"
	refRhino2    = "https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation-part-2/"
	refBishopFox = "https://labs.bishopfox.com/tech-blog/privilege-escalation-in-aws"
	refPassRole  = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"
)

// pathfinding is the address of a pathfinding.cloud path.
func pathfinding(id string) string { return "https://pathfinding.cloud/paths/" + id }
