/** What routes and tests use from authentication and authorization. */
export { OwnerOfAction, Public, Roles } from './access.decorators.js';
export { ROLES, isRole, type Role } from './roles.js';
export { TokenVerifier } from './token-verifier.js';
export { mintToken, type MintTokenRequest } from './mint-token.js';
