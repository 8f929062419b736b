export type PostCreated = {
  readonly type: 'PostCreated';
  readonly data: {
    readonly postId: string;
    readonly title: string;
    readonly department?: string;
    readonly createdAt: string;
  };
};

export type PostHolderAppointed = {
  readonly type: 'PostHolderAppointed';
  readonly data: {
    readonly postId: string;
    readonly personId: string;
    /** YYYY-MM-DD the appointment runs from. */
    readonly from: string;
    readonly appointedAt: string;
  };
};

export type PostHolderVacated = {
  readonly type: 'PostHolderVacated';
  readonly data: {
    readonly postId: string;
    readonly personId: string;
    /** ISO instant the post was vacated. */
    readonly at: string;
  };
};

export type PostEvent = PostCreated | PostHolderAppointed | PostHolderVacated;

export const postEventTypes = ['PostCreated', 'PostHolderAppointed', 'PostHolderVacated'] as const satisfies readonly PostEvent['type'][];

export const isPostEvent = (event: { readonly type: string }): event is PostEvent =>
  (postEventTypes as readonly string[]).includes(event.type);
