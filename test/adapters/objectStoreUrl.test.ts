import { describe, expect, it } from 'vitest';
import { parseObjectStoreUrl } from '../../src/adapters/blob/objectStoreUrl.ts';

const noEnv = {};

describe('parseObjectStoreUrl', () => {
  it.each([
    [
      's3://posters',
      { bucket: 'posters', prefix: '', region: 'us-east-1', endpoint: undefined, forcePathStyle: false },
    ],
    [
      's3://posters?endpoint=http://127.0.0.1:9000&region=eu-west-1&prefix=composites/',
      {
        bucket: 'posters',
        prefix: 'composites/',
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
      },
    ],
    // The config loader trims a trailing slash off the whole URL: the prefix still ends in one.
    ['s3://posters?prefix=composites', { prefix: 'composites/' }],
    ['s3://posters?prefix=/a/b//', { prefix: 'a/b/' }],
    ['s3://posters/cache/v1', { prefix: 'cache/v1/' }],
    ['s3://my.bucket-01', { bucket: 'my.bucket-01' }],
    ['s3://posters?endpoint=https://minio.local:9000/', { endpoint: 'https://minio.local:9000' }],
    ['s3://posters?endpoint=https://acc.r2.cloudflarestorage.com&region=auto', { region: 'auto' }],
    ['s3://posters?endpoint=https://s3.example&path_style=false', { forcePathStyle: false }],
    ['s3://posters?path_style=true', { forcePathStyle: true, endpoint: undefined }],
  ])('%s', (url, expected) => {
    expect(parseObjectStoreUrl(url, noEnv)).toMatchObject(expected);
  });

  it('takes the region from AWS_REGION, then AWS_DEFAULT_REGION, when the URL has none', () => {
    expect(parseObjectStoreUrl('s3://posters', { AWS_REGION: 'ap-south-1' }).region).toBe('ap-south-1');
    expect(parseObjectStoreUrl('s3://posters', { AWS_DEFAULT_REGION: 'sa-east-1' }).region).toBe('sa-east-1');
    expect(parseObjectStoreUrl('s3://posters?region=eu-north-1', { AWS_REGION: 'x' }).region).toBe(
      'eu-north-1',
    );
  });

  it.each([
    ['posters', /not a URL/],
    ['https://posters', /unsupported scheme "https:"/],
    ['s3://AKIAEXAMPLE:wJalrXUtnFEMIsecret@posters', /credentials do not belong in the URL/],
    ['s3://ab', /not a valid S3 bucket name/],
    ['s3://-posters', /not a valid S3 bucket name/],
    ['s3://posters?endpiont=http://x', /unknown parameter "endpiont"/],
    ['s3://posters?endpoint=ftp://x', /endpoint must be an http/],
    ['s3://posters?endpoint=notaurl', /endpoint must be an http/],
    ['s3://posters?endpoint=http://u:p@x', /endpoint must not carry credentials/],
    ['s3://posters/a?prefix=b', /give the prefix once/],
    ['s3://posters?prefix=a/../b', /prefix "a\/..\/b" may use only/],
    ['s3://posters?prefix=a%20b', /prefix "a b" may use only/],
    ['s3://posters?path_style=maybe', /path_style must be true or false/],
  ])('rejects %s', (url, message) => {
    expect(() => parseObjectStoreUrl(url, noEnv)).toThrow(message);
  });

  it('never quotes credentials put in the URL by mistake', () => {
    let message = '';
    try {
      parseObjectStoreUrl('s3://AKIAEXAMPLE:wJalrXUtnFEMIsecret@posters', noEnv);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('wJalrXUtnFEMIsecret');
    expect(message).not.toContain('AKIAEXAMPLE');
  });
});
