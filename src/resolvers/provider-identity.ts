/**
 * Provider.companiesHouseNumber and Provider.sameAs. Both read through one DataLoader per
 * request, so a page of providers costs one query however many ask.
 */
import DataLoader from 'dataloader';
import type { ProviderMatchRule, ProviderResolvers } from '../generated/resolvers-types.ts';
import {
  readProviderIdentities,
  type ProviderIdentity,
  type ProviderMatchRuleName,
} from '../graph/provider-identity.ts';
import type { RequestContext } from './context.ts';
import { unreachable } from '../model/unreachable.ts';

const identityLoaders = new WeakMap<RequestContext, DataLoader<string, ProviderIdentity>>();

function identityLoader(context: RequestContext): DataLoader<string, ProviderIdentity> {
  let loader = identityLoaders.get(context);
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => readProviderIdentities(context.db, ids));
    identityLoaders.set(context, loader);
  }
  return loader;
}

function toRuleEnum(rule: ProviderMatchRuleName): ProviderMatchRule {
  switch (rule) {
    case 'companies-house-number':
      return 'COMPANIES_HOUSE_NUMBER';
    case 'normalised-name':
      return 'NORMALISED_NAME';
    default:
      return unreachable(rule, 'provider match rule');
  }
}

export const ProviderIdentityFields: Pick<ProviderResolvers, 'companiesHouseNumber' | 'sameAs'> = {
  companiesHouseNumber: async (provider, _args, context) =>
    (await identityLoader(context).load(provider.id)).companiesHouseNumber,
  sameAs: async (provider, _args, context) =>
    (await identityLoader(context).load(provider.id)).sameAs.map((m) => ({
      provider: m.provider,
      rule: toRuleEnum(m.rule),
      value: m.value,
    })),
};
