#!/usr/bin/env bash
# Write a pathfinder snapshot of the AWS account of the current credentials.
#
#   scripts/snapshot.sh OUTDIR [region...]
#
# OUTDIR gets the account-level files and one folder per region, in the
# layout of docs/snapshot.md. Without regions, the CLI's configured region
# is used. Needs AWS CLI v2 and jq, and read-only permissions (the AWS
# managed SecurityAudit policy covers them). A call that fails (access
# denied, a service not enabled in a region) is recorded in manifest.json's
# not_collected list and collection goes on. Each file is written under a
# temporary dot-name and renamed, so a reader never sees half a file.
set -euo pipefail

die() {
	echo "snapshot.sh: $*" >&2
	exit 1
}

[[ $# -ge 1 && $1 != -h && $1 != --help ]] || die "usage: scripts/snapshot.sh OUTDIR [region...]"
out=$1
shift
regions=("$@")
if [[ ${#regions[@]} -eq 0 ]]; then
	configured=$(aws configure get region || true)
	[[ -n $configured ]] || die "no region given and none configured: scripts/snapshot.sh OUTDIR us-east-1 ..."
	regions=("$configured")
fi
command -v aws >/dev/null || die "the AWS CLI v2 (aws) is not on PATH"
command -v jq >/dev/null || die "jq is not on PATH"

export AWS_PAGER=""
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gaps=$work/gaps.jsonl
: >"$gaps"

# gap REGION SERVICE REASON records a part of the account that could not be read.
gap() {
	jq -cn --arg region "$1" --arg service "$2" --arg reason "$3" \
		'{region: $region, service: $service, reason: $reason}' >>"$gaps"
	echo "snapshot.sh: $2 ${1:+in $1 }not collected: $3" >&2
}

# call REGION SERVICE CMD... runs an aws command and prints its output; on
# failure it records a gap and returns 1.
call() {
	local region=$1 service=$2
	shift 2
	if "$@" 2>"$work/err"; then
		return 0
	fi
	gap "$region" "$service" "$(tr '\n' ' ' <"$work/err" | sed 's/ *$//')"
	return 1
}

# optional NOTFOUND REGION SERVICE CMD... prints the command's output, or
# null when AWS answers with the error code NOTFOUND (there is none). Any
# other failure is recorded as a gap and also prints null.
optional() {
	local notfound=$1 region=$2 service=$3 output
	shift 3
	if output=$("$@" 2>"$work/err"); then
		printf '%s\n' "$output"
	elif grep -q "$notfound" "$work/err"; then
		echo null
	else
		gap "$region" "$service" "$(tr '\n' ' ' <"$work/err" | sed 's/ *$//')"
		echo null
	fi
}

# save DEST reads JSON on stdin and writes it to DEST through a temporary
# dot-file (which the loader ignores) and a rename.
save() {
	local dest=$1 tmp
	tmp="$(dirname "$dest")/.$(basename "$dest").tmp"
	jq . >"$tmp"
	mv "$tmp" "$dest"
}

# collect DEST REGION SERVICE CMD... saves one command's output as DEST.
collect() {
	local dest=$1 region=$2 service=$3
	shift 3
	if call "$region" "$service" "$@" >"$work/out.json"; then
		save "$dest" <"$work/out.json"
	fi
}

account=$(aws sts get-caller-identity --query Account --output text) || die "cannot call sts get-caller-identity: check the credentials"
echo "snapshot.sh: account $account, regions ${regions[*]}" >&2

# ---- account-level files ---------------------------------------------------

collect_iam() {
	collect "$out/iam-authorization-details.json" "" iam aws iam get-account-authorization-details
	[[ -f $out/iam-authorization-details.json ]] || return 0
	local user
	jq -r '.UserDetailList[].UserName' "$out/iam-authorization-details.json" | while read -r user; do
		call "" iam aws iam list-access-keys --user-name "$user" || true
	done | jq -s '{AccessKeyMetadata: map(.AccessKeyMetadata[])}' | save "$out/iam-list-access-keys.json"
}

collect_s3() {
	optional NoSuchPublicAccessBlockConfiguration "" s3 \
		aws s3control get-public-access-block --account-id "$account" >"$work/account-bpa.json"
	if [[ $(cat "$work/account-bpa.json") != null ]]; then
		save "$out/s3control-get-public-access-block.json" <"$work/account-bpa.json"
	fi
	call "" s3 aws s3api list-buckets >"$work/buckets.json" || return 0
	local bucket
	jq -r '.Buckets[].Name' "$work/buckets.json" | while read -r bucket; do
		jq -n --arg name "$bucket" \
			--argjson policy "$(optional NoSuchBucketPolicy "" s3 aws s3api get-bucket-policy --bucket "$bucket" --query Policy)" \
			--argjson bpa "$(optional NoSuchPublicAccessBlockConfiguration "" s3 aws s3api get-public-access-block --bucket "$bucket" --query PublicAccessBlockConfiguration)" \
			--argjson tagging "$(optional NoSuchTagSet "" s3 aws s3api get-bucket-tagging --bucket "$bucket")" \
			--argjson sse "$(optional ServerSideEncryptionConfigurationNotFoundError "" s3 aws s3api get-bucket-encryption --bucket "$bucket" --query ServerSideEncryptionConfiguration)" \
			--argjson ownership "$(optional OwnershipControlsNotFoundError "" s3 aws s3api get-bucket-ownership-controls --bucket "$bucket" --query OwnershipControls)" \
			--argjson location "$(optional NoSuchBucket "" s3 aws s3api get-bucket-location --bucket "$bucket")" \
			'{Name: $name, Policy: $policy, PublicAccessBlockConfiguration: $bpa, Tagging: $tagging,
			  ServerSideEncryptionConfiguration: $sse, OwnershipControls: $ownership,
			  Location: (if $location == null then null else ($location.LocationConstraint // "us-east-1") end)}'
	done | jq -s --slurpfile list "$work/buckets.json" '
		{Owner: $list[0].Owner,
		 Buckets: [.[] as $b | ($list[0].Buckets[] | select(.Name == $b.Name))
		           + ($b | del(.Location))
		           + {BucketRegion: ((($list[0].Buckets[] | select(.Name == $b.Name)).BucketRegion) // $b.Location)}]}' |
		save "$out/s3-buckets.json"
}

# collect_organizations writes the organisation files when the credentials
# are those of the management account or a delegated administrator.
collect_organizations() {
	optional AWSOrganizationsNotInUseException "" organizations \
		aws organizations describe-organization >"$work/org.json"
	[[ $(cat "$work/org.json") != null ]] || return 0
	save "$out/organizations-describe-organization.json" <"$work/org.json"
	if [[ $(jq -r .Organization.MasterAccountId "$work/org.json") != "$account" ]]; then
		# A member account reads the tree only as a delegated administrator.
		aws organizations list-roots 2>/dev/null >"$work/roots.json" || return 0
		save "$out/organizations-list-roots.json" <"$work/roots.json"
	else
		collect "$out/organizations-list-roots.json" "" organizations aws organizations list-roots
	fi
	[[ -f $out/organizations-list-roots.json ]] || return 0
	local parent queue=() units=() accounts=()
	mapfile -t queue < <(jq -r '.Roots[].Id' "$out/organizations-list-roots.json")
	while [[ ${#queue[@]} -gt 0 ]]; do
		parent=${queue[0]}
		queue=("${queue[@]:1}")
		if call "" organizations aws organizations list-organizational-units-for-parent --parent-id "$parent" >"$work/ous.json"; then
			units+=("$(jq -c --arg k "$parent" '{($k): .}' "$work/ous.json")")
			mapfile -t -O "${#queue[@]}" queue < <(jq -r '.OrganizationalUnits[].Id' "$work/ous.json")
		fi
		if call "" organizations aws organizations list-accounts-for-parent --parent-id "$parent" >"$work/accts.json"; then
			accounts+=("$(jq -c --arg k "$parent" '{($k): .}' "$work/accts.json")")
		fi
	done
	printf '%s\n' "${units[@]}" | jq -s 'add // {}' | save "$out/organizations-list-organizational-units.json"
	printf '%s\n' "${accounts[@]}" | jq -s 'add // {}' | save "$out/organizations-list-accounts-for-parent.json"
	local type summary id
	for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
		call "" organizations aws organizations list-policies --filter "$type" | jq -c '.Policies[]' || true
	done | while read -r summary; do
		id=$(jq -r .Id <<<"$summary")
		jq -n --argjson s "$summary" \
			--argjson content "$(call "" organizations aws organizations describe-policy --policy-id "$id" --query Policy.Content || echo null)" \
			--argjson targets "$(call "" organizations aws organizations list-targets-for-policy --policy-id "$id" --query Targets || echo '[]')" \
			'$s + {Content: $content, Targets: $targets}'
	done | jq -s '{Policies: .}' | save "$out/organizations-list-policies.json"
}

# ---- region files -----------------------------------------------------------

collect_region() {
	local region=$1 dir=$2
	local r=(--region "$region")
	collect "$dir/ec2-describe-vpcs.json" "$region" ec2 aws ec2 describe-vpcs "${r[@]}"
	collect "$dir/ec2-describe-subnets.json" "$region" ec2 aws ec2 describe-subnets "${r[@]}"
	collect "$dir/ec2-describe-route-tables.json" "$region" ec2 aws ec2 describe-route-tables "${r[@]}"
	collect "$dir/ec2-describe-internet-gateways.json" "$region" ec2 aws ec2 describe-internet-gateways "${r[@]}"
	collect "$dir/ec2-describe-nat-gateways.json" "$region" ec2 aws ec2 describe-nat-gateways "${r[@]}"
	collect "$dir/ec2-describe-security-groups.json" "$region" ec2 aws ec2 describe-security-groups "${r[@]}"
	collect "$dir/ec2-describe-network-acls.json" "$region" ec2 aws ec2 describe-network-acls "${r[@]}"
	collect "$dir/ec2-describe-network-interfaces.json" "$region" ec2 aws ec2 describe-network-interfaces "${r[@]}"
	collect "$dir/ec2-describe-instances.json" "$region" ec2 aws ec2 describe-instances "${r[@]}"
	if [[ -f $dir/ec2-describe-instances.json ]]; then
		keyed "$dir/ec2-describe-instance-attribute-userdata.json" '.Reservations[].Instances[].InstanceId' \
			"$dir/ec2-describe-instances.json" "$region" ec2 \
			aws ec2 describe-instance-attribute "${r[@]}" --attribute userData --instance-id
	fi
	collect_elbv2 "$region" "$dir"
	collect_lambda "$region" "$dir"
	if [[ -f $dir/lambda-list-functions.json ]]; then
		keyed "$dir/lambda-get-policy.json" '.Functions[].FunctionArn' "$dir/lambda-list-functions.json" \
			"$region" lambda optional ResourceNotFoundException "$region" lambda \
			aws lambda get-policy "${r[@]}" --function-name
	fi
	collect_kms "$region" "$dir"
	collect_secrets "$region" "$dir"
	collect "$dir/rds-describe-db-instances.json" "$region" rds aws rds describe-db-instances "${r[@]}"
	collect_dynamodb "$region" "$dir"
}

# keyed DEST JQ LIST REGION SERVICE CMD... runs CMD ID for every id that
# the jq path JQ finds in the file LIST and writes {"ID": output} entries
# as DEST; a null output (no such thing) leaves the id out.
keyed() {
	local dest=$1 path=$2 list=$3 region=$4 service=$5 id
	shift 5
	jq -r "$path" "$list" | while read -r id; do
		call "$region" "$service" "$@" "$id" | jq --arg k "$id" 'if . == null then {} else {($k): .} end' || true
	done | jq -s 'add // {}' | save "$dest"
}

collect_elbv2() {
	local region=$1 dir=$2 lb
	local r=(--region "$region")
	collect "$dir/elbv2-describe-load-balancers.json" "$region" elbv2 aws elbv2 describe-load-balancers "${r[@]}"
	[[ -f $dir/elbv2-describe-load-balancers.json ]] || return 0
	jq -r '.LoadBalancers[].LoadBalancerArn' "$dir/elbv2-describe-load-balancers.json" | while read -r lb; do
		call "$region" elbv2 aws elbv2 describe-listeners "${r[@]}" --load-balancer-arn "$lb" || true
	done | jq -s '{Listeners: map(.Listeners[])}' | save "$dir/elbv2-describe-listeners.json"
	collect "$dir/elbv2-describe-target-groups.json" "$region" elbv2 aws elbv2 describe-target-groups "${r[@]}"
	if [[ -f $dir/elbv2-describe-target-groups.json ]]; then
		keyed "$dir/elbv2-describe-target-health.json" '.TargetGroups[].TargetGroupArn' \
			"$dir/elbv2-describe-target-groups.json" "$region" elbv2 \
			aws elbv2 describe-target-health "${r[@]}" --target-group-arn
	fi
}

# collect_lambda merges each function's tags into list-functions' output.
collect_lambda() {
	local region=$1 dir=$2 fn
	local r=(--region "$region")
	call "$region" lambda aws lambda list-functions "${r[@]}" >"$work/functions.json" || return 0
	jq -c '.Functions[]' "$work/functions.json" | while read -r fn; do
		jq -n --argjson f "$fn" \
			--argjson t "$(call "$region" lambda aws lambda list-tags "${r[@]}" --resource "$(jq -r .FunctionArn <<<"$fn")" --query Tags || echo '{}')" \
			'$f + {Tags: $t}'
	done | jq -s '{Functions: .}' | save "$dir/lambda-list-functions.json"
}

collect_kms() {
	local region=$1 dir=$2 key
	local r=(--region "$region")
	call "$region" kms aws kms list-keys "${r[@]}" >"$work/keys.json" || return 0
	jq -r '.Keys[].KeyId' "$work/keys.json" | while read -r key; do
		jq -n --argjson d "$(call "$region" kms aws kms describe-key "${r[@]}" --key-id "$key" || echo '{}')" \
			--argjson p "$(call "$region" kms aws kms get-key-policy "${r[@]}" --key-id "$key" --policy-name default --query Policy || echo null)" \
			--argjson a "$(call "$region" kms aws kms list-aliases "${r[@]}" --key-id "$key" --query Aliases || echo '[]')" \
			--argjson t "$(call "$region" kms aws kms list-resource-tags "${r[@]}" --key-id "$key" --query Tags || echo '[]')" \
			'if $d.KeyMetadata == null then empty else {KeyMetadata: $d.KeyMetadata, Policy: $p, Aliases: $a, Tags: $t} end'
	done | jq -s '{Keys: .}' | save "$dir/kms-keys.json"
}

collect_secrets() {
	local region=$1 dir=$2 secret
	local r=(--region "$region")
	call "$region" secretsmanager aws secretsmanager list-secrets "${r[@]}" >"$work/secrets.json" || return 0
	jq -c '.SecretList[]' "$work/secrets.json" | while read -r secret; do
		jq -n --argjson s "$secret" \
			--argjson p "$(call "$region" secretsmanager aws secretsmanager get-resource-policy "${r[@]}" \
				--secret-id "$(jq -r .ARN <<<"$secret")" --query ResourcePolicy || echo null)" \
			'$s + {ResourcePolicy: $p}'
	done | jq -s '{SecretList: .}' | save "$dir/secretsmanager-list-secrets.json"
}

collect_dynamodb() {
	local region=$1 dir=$2 name table arn
	local r=(--region "$region")
	call "$region" dynamodb aws dynamodb list-tables "${r[@]}" >"$work/tables.json" || return 0
	jq -r '.TableNames[]' "$work/tables.json" | while read -r name; do
		table=$(call "$region" dynamodb aws dynamodb describe-table "${r[@]}" --table-name "$name" --query Table) || continue
		arn=$(jq -r .TableArn <<<"$table")
		jq -n --argjson t "$table" \
			--argjson p "$(optional PolicyNotFoundException "$region" dynamodb aws dynamodb get-resource-policy "${r[@]}" --resource-arn "$arn" --query Policy)" \
			--argjson tags "$(call "$region" dynamodb aws dynamodb list-tags-of-resource "${r[@]}" --resource-arn "$arn" --query Tags || echo '[]')" \
			'$t + {ResourcePolicy: $p, Tags: $tags}'
	done | jq -s '{Tables: .}' | save "$dir/dynamodb-tables.json"
}

# ---- main -------------------------------------------------------------------

collect_iam
collect_s3
collect_organizations
for region in "${regions[@]}"; do
	mkdir -p "$out/$region"
	collect_region "$region" "$out/$region"
done

jq -n --arg account "$account" --arg at "$(date -u +%Y-%m-%dT%H:%M:%S+00:00)" \
	--argjson regions "$(printf '%s\n' "${regions[@]}" | jq -R . | jq -s .)" \
	--slurpfile gaps "$gaps" \
	'{account_id: $account, regions: $regions, collected_at: $at, not_collected: $gaps}' |
	save "$out/manifest.json"
echo "snapshot.sh: wrote $out ($(wc -l <"$gaps") parts not collected)" >&2
