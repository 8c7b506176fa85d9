// Terraform and Pulumi analysers on hand-built commands.
import { describe, expect, test } from 'vitest';
import { pulumiAnalyser } from '../../../src/analyse/iac/pulumi.js';
import { terraformAnalyser } from '../../../src/analyse/iac/terraform.js';
import { context, execCommand } from '../cloud/harness.js';

const tf = (...argv: string[]) => terraformAnalyser.analyse(execCommand(argv), context()).map((f) => f.rule);
const pulumi = (...argv: string[]) => pulumiAnalyser.analyse(execCommand(argv), context()).map((f) => f.rule);

describe('terraform', () => {
  test('-replace of a data store under every front end', () => {
    for (const front of [['terraform'], ['tofu'], ['terragrunt'], ['terragrunt', 'run-all']]) {
      expect(tf(...front, 'apply', '-replace=aws_db_instance.main')).toEqual(['terraform.apply.replace-data-store']);
    }
    expect(tf('terragrunt', 'run', '--all', '--', 'apply', '-replace=aws_s3_bucket.b')).toEqual(['terraform.apply.replace-data-store']);
  });
  test('-replace in a plan, or of a stateless resource, is nothing', () => {
    expect(tf('terraform', 'plan', '-replace=aws_db_instance.main')).toEqual([]);
    expect(tf('terraform', 'apply', '-replace=aws_lambda_function.api')).toEqual([]);
  });
  test('an address only known at run time is confirmed', () => {
    expect(tf('terraform', 'apply', '-replace=$ADDR')).toEqual(['terraform.apply.replace-data-store']);
  });
  test('taint', () => {
    expect(tf('terraform', 'taint', '-allow-missing', 'module.db.aws_rds_cluster.this')).toEqual(['terraform.taint.data-store']);
    expect(tf('terraform', 'taint', 'aws_instance.web')).toEqual([]);
  });
});

describe('pulumi', () => {
  test('--replace and --target-replace of data stores', () => {
    expect(pulumi('pulumi', 'up', '--replace', 'urn:pulumi:prod::app::aws:rds/instance:Instance::db')).toEqual(['pulumi.up.replace-data-store']);
    expect(pulumi('pulumi', 'update', '--target-replace=urn:pulumi:prod::app::gcp:storage/bucket:Bucket::b')).toEqual(['pulumi.up.replace-data-store']);
  });
  test('stateless resources and previews are nothing', () => {
    expect(pulumi('pulumi', 'up', '--replace', 'urn:pulumi:prod::app::aws:lambda/function:Function::api')).toEqual([]);
    expect(pulumi('pulumi', 'preview', '--replace', 'urn:pulumi:prod::app::aws:rds/instance:Instance::db')).toEqual([]);
  });
});
