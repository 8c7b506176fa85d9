// Terraform, OpenTofu, Terragrunt, Pulumi, CDK, Serverless and SST forms beyond the corpus.
import { describe, expect, test } from 'vitest';
import { holdsData, pulumiUrnType, terraformAddressType } from '../../../src/analyse/iac/data-store-types.js';
import { decide, findingsFor, ruleIds } from '../cloud/harness.js';

const CONFIRM = [
  'terraform destroy',
  'terraform destroy -target=aws_instance.web -auto-approve',
  'terraform -chdir=environments/prod destroy -auto-approve',
  'tofu destroy -auto-approve',
  'tofu apply -destroy',
  'terragrunt destroy --terragrunt-non-interactive',
  'terragrunt run-all destroy',
  'terragrunt destroy-all',
  'terragrunt run --all -- destroy',
  'terragrunt run --all destroy',
  'terragrunt run-all apply -destroy --terragrunt-non-interactive',
  'terraform apply -destroy -target=module.db',
  "terraform state rm 'module.storage.aws_s3_bucket.uploads'",
  'terraform state rm aws_instance.web',
  'terraform workspace delete dev',
  'terraform state push -force terraform.tfstate',
  'terraform apply -replace="aws_rds_cluster.main"',
  'terraform apply -replace aws_dynamodb_table.orders',
  'terraform apply -replace=google_sql_database_instance.primary -auto-approve',
  'terraform apply -replace=azurerm_postgresql_flexible_server.main',
  'terraform apply -replace=aws_ebs_volume.data',
  'terraform apply -replace=aws_elasticache_replication_group.redis',
  "terraform apply -replace='kubernetes_persistent_volume_claim.data'",
  'terragrunt apply -replace=aws_s3_bucket.assets',
  'terraform taint aws_rds_cluster.main',
  'terraform apply -replace=$RESOURCE',
  'cdktf destroy my-stack --auto-approve',
  'pulumi destroy -y',
  'pulumi destroy --stack dev --yes --remove',
  'pulumi down --yes',
  'pulumi stack rm dev --yes',
  "pulumi state delete 'urn:pulumi:dev::app::aws:s3/bucket:Bucket::assets'",
  "pulumi up --replace 'urn:pulumi:prod::app::aws:dynamodb/table:Table::orders' --yes",
  'cdk destroy MyStack',
  'cdk destroy --all -f',
  'npx cdk destroy --force',
  'npx aws-cdk destroy ProdStack',
  'sls remove',
  'serverless remove --stage dev --region us-east-1',
  'npx serverless remove --stage prod',
  'sst remove',
  'npx sst remove --stage production',
  'sam delete --stack-name prod --no-prompts',
];

const ALLOW = [
  'terraform init -upgrade',
  'terraform plan',
  'terraform plan -destroy -out=destroy.tfplan',
  'terraform plan -replace=aws_db_instance.main',
  'terraform validate',
  'terraform fmt -check -recursive',
  'terraform output -json',
  'terraform show -json tfplan',
  'terraform state list',
  'terraform state show aws_db_instance.main',
  'terraform state mv aws_instance.a aws_instance.b',
  'terraform state pull > backup.tfstate',
  'terraform state rm -dry-run aws_db_instance.main',
  'terraform import aws_instance.web i-1234567890abcdef0',
  'terraform refresh',
  'terraform graph | dot -Tsvg > graph.svg',
  'terraform workspace list',
  'terraform workspace new staging',
  'terraform apply -replace=aws_instance.web',
  'terraform apply -replace=google_compute_instance.vm -auto-approve',
  'terraform untaint aws_db_instance.main',
  'terraform taint aws_instance.web',
  'terraform force-unlock -force 6638e010-8fb0-46cf-966d-21e806602f3a',
  'terraform destroy -help',
  'tofu plan -destroy',
  'terragrunt run-all plan',
  'terragrunt run --all -- plan -destroy',
  'terragrunt hclfmt',
  'cdktf synth',
  'cdktf diff',
  'pulumi preview --diff',
  'pulumi refresh --yes',
  'pulumi stack ls',
  'pulumi stack output',
  'pulumi destroy --preview-only',
  "pulumi up --replace 'urn:pulumi:prod::app::aws:ec2/instance:Instance::web' --yes",
  'pulumi config set aws:region us-east-1',
  'cdk diff',
  'cdk synth',
  'cdk deploy --all --require-approval never',
  'cdk bootstrap aws://123456789012/us-east-1',
  'npx cdk ls',
  'serverless deploy --stage prod',
  'sls invoke -f hello --log',
  'sls logs -f hello -t',
  'sst dev',
  'sst deploy --stage production',
  'sst secret list',
];

describe('IaC forms that destroy infrastructure', () => {
  for (const command of CONFIRM) test(command, () => expect(decide(command)).toBe('confirm'));
});

describe('safe IaC forms', () => {
  for (const command of ALLOW) test(command, () => expect(decide(command)).toBe('allow'));
});

describe('resource types that hold data', () => {
  const data = ['aws_db_instance', 'aws_rds_cluster', 'aws_s3_bucket', 'aws_dynamodb_table', 'aws_ebs_volume', 'aws_efs_file_system',
    'aws_elasticache_cluster', 'aws_opensearch_domain', 'aws_kinesis_stream', 'aws_sqs_queue', 'aws_kms_key', 'aws_ecr_repository',
    'aws_eks_cluster', 'google_sql_database_instance', 'google_storage_bucket', 'google_compute_disk', 'google_bigquery_dataset',
    'google_spanner_instance', 'google_redis_instance', 'google_container_cluster', 'azurerm_mssql_database',
    'azurerm_postgresql_flexible_server', 'azurerm_storage_account', 'azurerm_cosmosdb_account', 'azurerm_key_vault',
    'azurerm_managed_disk', 'kubernetes_namespace', 'kubernetes_persistent_volume_claim', 'digitalocean_database_cluster',
    'aws:rds/instance:Instance', 'gcp:sql/databaseInstance:DatabaseInstance', 'aws:s3/bucketV2:BucketV2'];
  const stateless = ['aws_instance', 'aws_lambda_function', 'aws_security_group', 'aws_iam_role', 'aws_route_table',
    'aws_db_parameter_group', 'aws_cloudfront_cache_policy', 'google_compute_instance', 'google_cloud_run_service',
    'azurerm_linux_web_app', 'aws:ec2/instance:Instance', 'aws:lambda/function:Function'];
  for (const type of data) test(`${type} holds data`, () => expect(holdsData(type)).toBe(true));
  for (const type of stateless) test(`${type} is stateless`, () => expect(holdsData(type)).toBe(false));

  test('address and URN types', () => {
    expect(terraformAddressType('module.db.module.inner.aws_db_instance.main[0]')).toBe('aws_db_instance');
    expect(terraformAddressType('aws_s3_bucket.b["a.b"]')).toBe('aws_s3_bucket');
    expect(terraformAddressType('data.aws_s3_bucket.b')).toBeUndefined();
    expect(terraformAddressType('module.db')).toBeUndefined();
    expect(pulumiUrnType('urn:pulumi:prod::app::my:component$aws:rds/instance:Instance::main')).toBe('aws:rds/instance:Instance');
    expect(pulumiUrnType('not-a-urn')).toBeUndefined();
  });
});

describe('findings', () => {
  test('replace names the address and type', () => {
    const [finding] = findingsFor('terraform apply -auto-approve -replace=module.db.aws_db_instance.main');
    expect(finding).toMatchObject({ rule: 'terraform.apply.replace-data-store', target: 'module.db.aws_db_instance.main' });
    expect(finding.hints).toContain('resource type aws_db_instance');
  });
  test('one finding per replaced data store', () => {
    expect(ruleIds('terraform apply -replace=aws_s3_bucket.a -replace=aws_instance.b -replace=aws_db_instance.c')).toEqual([
      'terraform.apply.replace-data-store', 'terraform.apply.replace-data-store',
    ]);
  });
  test('destroy names its -target', () => {
    expect(findingsFor('terraform destroy -target=aws_db_instance.main')[0]).toMatchObject({ rule: 'terraform.destroy', target: 'aws_db_instance.main' });
  });
  test('stage and stack are the target', () => {
    expect(findingsFor('serverless remove --stage prod')[0].target).toBe('prod');
    expect(findingsFor('pulumi destroy -s acme/api/prod --yes')[0].target).toBe('acme/api/prod');
  });
});
